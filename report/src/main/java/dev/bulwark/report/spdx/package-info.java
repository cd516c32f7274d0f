/** SPDX 2.3 JSON software bills of materials. */
package dev.bulwark.report.spdx;
