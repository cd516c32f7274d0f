package dev.bulwark.engine.hardening;

import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.image.ImageConfig;
import java.util.List;

/** Checks on the run settings of an image config: user, ENV, healthcheck, exposed ports. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static void run(ImageConfig config, List<Misconfiguration> out) {
        user(config.user(), out);
        env(config.env(), out);
        if (!config.hasHealthcheck()) {
            out.add(HardeningCheck.NO_HEALTHCHECK.finding("the image defines no HEALTHCHECK (or disables it with"
                    + " HEALTHCHECK NONE)", Location.file("config:Healthcheck")));
        }
        for (String port : config.exposedPorts()) {
            int slash = port.indexOf('/');
            String number = slash < 0 ? port : port.substring(0, slash);
            if (number.strip().equals("22")) {
                out.add(HardeningCheck.SSH_PORT.finding("the image exposes port " + port + " (SSH)",
                        Location.file("config:ExposedPorts").withResource(port)));
            }
        }
    }

    static void user(String user, List<Misconfiguration> out) {
        Location where = Location.file("config:User");
        if (user == null || user.isBlank()) {
            out.add(HardeningCheck.ROOT_USER.finding("no USER is set, so the container runs as root", where));
        } else if (isRoot(user)) {
            out.add(HardeningCheck.ROOT_USER.finding("USER " + user + " runs the container as root", where));
        }
    }

    /** {@code root}, {@code 0}, {@code 0:0}, {@code root:wheel}, {@code 000}: the user part is uid 0. */
    static boolean isRoot(String user) {
        String name = user.strip();
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        if (name.equals("root")) {
            return true;
        }
        if (name.isEmpty() || name.length() > 10) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    static void env(List<String> env, List<Misconfiguration> out) {
        for (String setting : env) {
            int eq = setting.indexOf('=');
            String name = eq < 0 ? setting : setting.substring(0, eq);
            String value = eq < 0 ? "" : setting.substring(eq + 1);
            if (SecretValues.isLiteralSecret(name, value)) {
                out.add(HardeningCheck.SECRET_IN_ENV.finding("ENV " + name + " holds a literal value ("
                        + SecretValues.mask(value) + ")", Location.file("config:Env").withResource(name)));
            }
        }
    }
}
