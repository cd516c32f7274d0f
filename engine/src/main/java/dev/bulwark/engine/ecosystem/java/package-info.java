/**
 * Java packages: Maven metadata and manifests in jar, war, ear and par archives (nested ones streamed, never
 * extracted), and the dependencies that {@code gradle.lockfile} and {@code pom.xml} pin in project directories.
 */
package dev.bulwark.engine.ecosystem.java;
