package org.fence4j.agents.protocol.external;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.RawParameter;

/**
 * The parameters cluster-glue hands to an external plugin: one environment variable per configured
 * name. Only declared names (and aliases, and a secret's X_file/X_env/X_script) are read; the rest of
 * the environment (PATH, HA_LOGTAG, CRM_meta_*, ...) is none of the agent's business.
 */
final class EnvironmentParameters {
    private EnvironmentParameters() {
    }

    static List<RawParameter> read(List<ParameterSpec> specs, UnaryOperator<String> environment) {
        List<RawParameter> raw = new ArrayList<>();
        for (ParameterSpec spec : specs) {
            for (String name : spec.names()) {
                add(raw, name, environment);
                if (spec.secret()) {
                    DeclaredParameters.SECRET_SOURCES.forEach(suffix -> add(raw, name + suffix, environment));
                }
            }
        }
        return raw;
    }

    private static void add(List<RawParameter> raw, String variable, UnaryOperator<String> environment) {
        String value = environment.apply(variable);
        if (value != null) {
            raw.add(new RawParameter(variable, value, Origin.environment(variable)));
        }
    }
}
