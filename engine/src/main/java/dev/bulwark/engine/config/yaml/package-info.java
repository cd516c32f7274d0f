/** Reading YAML and JSON streams into plain Map/List trees with line numbers, within limits that hostile input cannot break. */
package dev.bulwark.engine.config.yaml;
