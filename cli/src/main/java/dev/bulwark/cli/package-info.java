/** The bulwark command line: parses flags, calls the engine, writes reports. */
package dev.bulwark.cli;
