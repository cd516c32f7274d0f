/** Docker Compose file checks: privileged services, host namespaces, the Docker socket, root users, secrets. */
package dev.bulwark.engine.config.compose;
