package org.fence4j.agents.protocol;

import java.util.ArrayList;
import java.util.List;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.ParameterSpec;

/**
 * The parameters a protocol shows to its caller, derived from an agent's declarations: each
 * parameter as declared, and after a secret {@code X} the ways to give it without writing it
 * down ({@code X_file}, {@code X_env}, {@code X_script}, also under each alias of X). A secret is never shown as required
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
                    sentence(spec.longDescription()) + " Prefer " + DeclaredParameters.secretForms(spec)
                            + ", which keep it out of the configuration.",
                    false, null, true, spec.unique(), spec.aliases(), spec.choices(), spec.fenceAgentsName(),
                    spec.shortOption(), spec.pathWhen()));
            for (String suffix : DeclaredParameters.SECRET_SOURCES) {
                // every name of the secret takes every source: password_file as well as passwd_file
                ParameterSpec source = ParameterSpec.string(spec.name() + suffix, sourceDescription(spec, suffix))
                        .withAliases(spec.aliases().stream().map(a -> a + suffix).toArray(String[]::new));
                out.add(spec.fenceAgentsName() == null ? source : source.withFenceAgentsName(spec.fenceAgentsName() + suffix));
            }
        }
        return out;
    }

    /** The text ending with a full stop, so that another sentence can follow. */
    public static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String sourceDescription(ParameterSpec secret, String suffix) {
        String d = secret.shortDescription();
        // "Password of ..." reads "the password of ...", but "BMC key ..." keeps its capitals
        String what = "the " + (d.length() > 1 && Character.isLowerCase(d.charAt(1))
                ? Character.toLowerCase(d.charAt(0)) + d.substring(1) : d);
        return switch (suffix) {
            case "_file" -> "File whose first line is " + what;
            case "_env" -> "Environment variable holding " + what;
            default -> "Command that prints " + what + " on its first line";
        };
    }
}
