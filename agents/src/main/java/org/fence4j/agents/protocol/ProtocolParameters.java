package org.fence4j.agents.protocol;

import java.util.ArrayList;
import java.util.List;

import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;

/**
 * The parameters a protocol shows to its caller, derived from an agent's declarations: each
 * parameter as declared, and after a secret {@code X} the ways to give it without writing it
 * down ({@code X_file}, {@code X_env}, {@code X_script}). A secret is never shown as required
 * (any one of its sources will do; validation says so when none is given) nor with a default.
 */
public final class ProtocolParameters {
    private ProtocolParameters() {
    }

    public static List<ParameterSpec> visible(List<ParameterSpec> declared) {
        List<ParameterSpec> out = new ArrayList<>();
        for (ParameterSpec spec : declared) {
            if (!spec.secret()) {
                out.add(spec);
                continue;
            }
            out.add(new ParameterSpec(spec.name(), spec.type(), spec.shortDescription(),
                    sentence(spec.longDescription()) + " Prefer " + Parameters.secretForms(spec)
                            + ", which keep it out of the configuration.",
                    false, null, true, spec.unique(), spec.aliases(), spec.choices()));
            for (String suffix : Parameters.SECRET_SOURCES) {
                out.add(ParameterSpec.string(spec.name() + suffix, sourceDescription(spec, suffix)));
            }
        }
        return out;
    }

    /** The text ending with a full stop, so that another sentence can follow. */
    public static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String sourceDescription(ParameterSpec secret, String suffix) {
        return switch (suffix) {
            case "_file" -> "File whose first line is the value of " + secret.name();
            case "_env" -> "Environment variable holding the value of " + secret.name();
            default -> "Command that prints the value of " + secret.name() + " on its first line";
        };
    }
}
