/** What is wrong with a target: vulnerabilities, secrets and misconfigurations, each carrying its evidence. */
package dev.bulwark.engine.finding;
