/** Python packages: installed distributions in site-packages and Poetry, Pipenv, uv and pip requirements lockfiles. */
package dev.bulwark.engine.ecosystem.python;
