/** Imports Alpine's secdb JSON ({@code secdb.alpinelinux.org/v3.20/main.json}). */
package dev.bulwark.engine.advisory.alpine;
