/** .NET NuGet packages: the {@code *.deps.json} of built applications and {@code packages.lock.json} of projects. */
package dev.bulwark.engine.ecosystem.dotnet;
