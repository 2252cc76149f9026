package org.fence4j.helper;

import java.util.ArrayList;
import java.util.List;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.process.ExecutableSearch;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.RawParameter;

/** Builds helper parameters as a configuration file would give them. */
final class TestParameters {
    /** A search path that holds {@code true} on every Linux. */
    static final ExecutableSearch SYSTEM_PATH = new ExecutableSearch("/usr/bin:/bin");

    private TestParameters() {
    }

    /** {@code keyValues}: key, value, key, value, ... */
    static Parameters resolve(String... keyValues) throws ParameterException {
        List<RawParameter> raw = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.add(new RawParameter(keyValues[i], keyValues[i + 1], Origin.file("fence4j.yaml", i / 2 + 1)));
        }
        return DeclaredParameters.resolve(HelperParameters.ALL, raw, DeclaredParameters.Unknown.REJECT, name -> null);
    }

    static HelperSettings settings(String... keyValues) throws ParameterException {
        return HelperSettings.from(resolve(keyValues), SYSTEM_PATH);
    }
}
