package org.fence4j.agents.protocol.fenceagents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fence4j.agents.testing.XmlDocuments.child;
import static org.fence4j.agents.testing.XmlDocuments.children;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.XmlDocuments;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class FenceAgentsMetadataTest {
    private final String xml = FenceAgentsMetadata.render("fence_toy", new ToyAgentProvider());
    private final Element root = XmlDocuments.parse(xml).getDocumentElement();
    private final Map<String, Element> params = children(child(root, "parameters"), "parameter").stream()
            .collect(Collectors.toMap(p -> p.getAttribute("name"), Function.identity()));

    @Test
    void documentStartsAsFencingPyPrintsIt() {
        assertThat(xml).startsWith("""
                <?xml version="1.0" ?>
                <resource-agent name="fence_toy" shortdesc="Toy fencing device for tests" >
                <longdesc>A fencing device made of files &amp; directories, for tests of &lt;generic&gt; code.</longdesc>
                <vendor-url>https://example.invalid/toy</vendor-url>
                <parameters>
                	<parameter name="action" unique="0" required="1" obsoletes="option">
                		<getopt mixed="-o, --action=[action]" />
                		<content type="string" default="reboot"  />
                		<shortdesc lang="en">Fencing action: on, off, reboot, status, list, list-status, monitor, metadata, manpage or validate-all.</shortdesc>
                	</parameter>
                """);
        assertThat(root.getAttribute("shortdesc")).isEqualTo("Toy fencing device for tests");
        assertThat(child(root, "longdesc").getTextContent()).contains("files & directories");
    }

    @Test
    void everyDeclaredParameterAndItsAliasesAreListed() {
        assertThat(params.keySet()).containsExactlyInAnyOrder("action", "option", "hostlist", "hosts", "state_dir",
                "passwd", "password", "passwd_file", "passwd_env", "passwd_script", "password_file", "password_env",
                "password_script", "wait_ms", "mode", "plug", "port", "nodename", "delay", "timeout", "quiet",
                "verbose", "verbose_level", "debug_file", "debug", "version", "help");
        assertThat(params.get("hostlist").getAttribute("obsoletes")).isEqualTo("hosts");
        assertThat(params.get("hostlist").getAttribute("required")).isEqualTo("1");
        assertThat(params.get("hostlist").getAttribute("unique")).isEqualTo("1");
        assertThat(params.get("hosts").getAttribute("deprecated")).isEqualTo("1");
        assertThat(child(params.get("hosts"), "getopt").getAttribute("mixed")).isEqualTo("--hostlist=[hostlist]");
    }

    @Test
    void contentTypesDefaultsAndChoicesComeFromTheDeclarations() {
        Element mode = child(params.get("mode"), "content");
        assertThat(mode.getAttribute("type")).isEqualTo("select");
        assertThat(mode.getAttribute("default")).isEqualTo("normal");
        assertThat(children(mode, "option")).extracting(o -> o.getAttribute("value"))
                .containsExactly("normal", "fail", "hang");
        assertThat(child(params.get("wait_ms"), "content").getAttribute("type")).isEqualTo("integer");
        assertThat(child(params.get("delay"), "content").getAttribute("type")).isEqualTo("second");
        assertThat(child(params.get("delay"), "content").getAttribute("default")).isEqualTo("0");
        assertThat(child(params.get("quiet"), "content").getAttribute("type")).isEqualTo("boolean");
        assertThat(child(params.get("quiet"), "getopt").getAttribute("mixed")).isEqualTo("-q, --quiet");
    }

    @Test
    void secretIsNotRequiredBecauseAnyOfItsSourcesWillDo() {
        assertThat(params.get("passwd").getAttribute("required")).isEqualTo("0");
        assertThat(child(params.get("passwd_file"), "getopt").getAttribute("mixed"))
                .isEqualTo("--passwd-file=[passwd_file]");
    }

    @Test
    void targetParametersPacemakerLooksFor() {
        assertThat(params.get("plug").getAttribute("obsoletes")).isEqualTo("port");
        assertThat(params.get("port").getAttribute("deprecated")).isEqualTo("1");
        assertThat(child(params.get("plug"), "getopt").getAttribute("mixed")).isEqualTo("-n, --plug=[plug]");
        assertThat(params.get("nodename").getAttribute("required")).isEqualTo("0");
    }

    @Test
    void actionsListTheAgentsActions() {
        List<Element> actions = children(child(root, "actions"), "action");
        assertThat(actions).extracting(a -> a.getAttribute("name")).containsExactly("on", "off", "reboot",
                "status", "list", "list-status", "monitor", "metadata", "manpage", "validate-all");
        assertThat(actions.get(0).getAttribute("automatic")).isEqualTo("0");
    }

    @Test
    void theFenceAgentsNameIsPrimaryAndObsoletesFenceAgentsOwnOlderName() {
        ParameterSpec user = ParameterSpec.string("userid", "User on the BMC").withAliases("username", "login")
                .withFenceAgentsName("username").withShortOption('l');
        assertThat(FenceAgentsParameters.others(user)).containsExactly("login", "userid");
        Map<String, Element> byName = parameters(provider(user));
        assertThat(byName.get("username").getAttribute("obsoletes")).isEqualTo("login");
        assertThat(byName.get("username").hasAttribute("deprecated")).isFalse();
        assertThat(byName.get("login").getAttribute("deprecated")).isEqualTo("1");
        assertThat(byName.get("userid").getAttribute("deprecated")).isEqualTo("1");
        assertThat(child(byName.get("userid"), "getopt").getAttribute("mixed")).isEqualTo("-l, --username=[username]");
    }

    @Test
    void everySourceOfASecretIsDeclaredUnderEveryNameOfIt() {
        ParameterSpec password = ParameterSpec.secret("passwd", "Password").withAliases("password")
                .withFenceAgentsName("password");
        Map<String, Element> byName = parameters(provider(password));
        assertThat(byName.get("password_file").getAttribute("obsoletes")).isEqualTo("passwd_file");
        assertThat(byName.get("passwd_file").getAttribute("deprecated")).isEqualTo("1");
        assertThat(byName.get("password_script").getAttribute("obsoletes")).isEqualTo("passwd_script");
        assertThat(byName.get("password").getAttribute("required")).isEqualTo("0");
    }

    @Test
    void portAsIpIsOfferedWhereThereIsAnIpWhichPlugThenMayGive() {
        Map<String, Element> withIp = parameters(provider(ParameterSpec.string("ip", "Address").asRequired()));
        // as fence_redfish's and fence_ipmilan's metadata: ip not required, since port_as_ip lets plug give it
        assertThat(withIp.get("port_as_ip").getAttribute("required")).isEqualTo("0");
        assertThat(child(withIp.get("port_as_ip"), "getopt").getAttribute("mixed")).isEqualTo("--port-as-ip");
        assertThat(withIp.get("ip").getAttribute("required")).isEqualTo("0");
        assertThat(params).doesNotContainKey("port_as_ip");
        assertThat(params.get("hostlist").getAttribute("required")).isEqualTo("1");
    }

    @Test
    void noParameterHasALongdescWhichFenceAgentsSchemaForbids() {
        assertThat(xml).doesNotContain("\t\t<longdesc");
        assertThat(child(params.get("hostlist"), "shortdesc").getTextContent()).isNotBlank();
    }

    private static FenceAgentProvider provider(ParameterSpec spec) {
        FenceAgentProvider provider = mock(FenceAgentProvider.class);
        when(provider.info()).thenReturn(new AgentInfo("x", "X", "An agent.", "https://example.invalid"));
        when(provider.parameters()).thenReturn(List.of(spec));
        when(provider.actions()).thenCallRealMethod();
        return provider;
    }

    private static Map<String, Element> parameters(FenceAgentProvider provider) {
        Element root = XmlDocuments.parse(FenceAgentsMetadata.render("fence_x", provider)).getDocumentElement();
        return children(child(root, "parameters"), "parameter").stream()
                .collect(Collectors.toMap(p -> p.getAttribute("name"), Function.identity()));
    }
}
