/** PHP Composer packages: {@code composer.lock} of projects and {@code vendor/composer/installed.json} of installs. */
package dev.bulwark.engine.ecosystem.php;
