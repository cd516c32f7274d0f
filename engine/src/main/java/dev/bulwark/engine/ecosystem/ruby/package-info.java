/** Ruby gems: installed gemspecs in gem directories, and {@code Gemfile.lock} in projects. */
package dev.bulwark.engine.ecosystem.ruby;
