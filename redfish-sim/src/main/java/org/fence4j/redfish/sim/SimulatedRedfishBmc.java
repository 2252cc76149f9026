package org.fence4j.redfish.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.fence4j.sim.LoopbackAddress;
import org.fence4j.sim.LoopbackServer;

/**
 * A simulated Redfish BMC on a loopback address, over HTTPS (its own certificate, or one given) or
 * plain HTTP: systems with a power state, sessions and fault injection ({@link SimFaults}).
 * <pre>{@code
 * try (SimulatedRedfishBmc bmc = SimulatedRedfishBmc.builder().user("admin", "secret").start()) {
 *     ... bmc.port() ... bmc.powerState("1") ... bmc.faults().stuckOn(true) ...
 * }
 * }</pre>
 */
public final class SimulatedRedfishBmc extends LoopbackServer {
    /** The reset types an iDRAC allows. */
    public static final List<String> IDRAC_RESET_TYPES = List.of("On", "ForceOff", "ForceRestart", "GracefulRestart",
            "GracefulShutdown", "PushPowerButton", "Nmi", "PowerCycle");
    private static final int MOST_REQUEST_BYTES = 64 * 1024;

    private final SimRedfishService service;
    private final Map<String, SimSystem> systems;
    private final SimFaults faults;
    private final SimCertificate certificate;

    private SimulatedRedfishBmc(ServerBootstrap bootstrap, InetAddress address, int port, SimRedfishService service,
            Map<String, SimSystem> systems, SimFaults faults, SimCertificate certificate) {
        super("redfish-sim", bootstrap, address, port);
        this.service = service;
        this.systems = systems;
        this.faults = faults;
        this.certificate = certificate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The generated certificate it presents; null when it was given one or speaks plain HTTP. */
    public SimCertificate certificate() {
        return certificate;
    }

    public SimFaults faults() {
        return faults;
    }

    /** The Ids of its systems, in order. */
    public List<String> systemIds() {
        return List.copyOf(systems.keySet());
    }

    /** A system's PowerState now: On, Off, PoweringOn or PoweringOff. */
    public String powerState(String systemId) {
        return system(systemId).powerState();
    }

    public void setPower(String systemId, boolean on) {
        system(systemId).setPower(on);
    }

    /** The reset types a system was sent, in order. */
    public List<String> resets(String systemId) {
        return system(systemId).resets();
    }

    /** Every request it took, "METHOD path", in order. */
    public List<String> requests() {
        return service.requests();
    }

    /** Sessions created and not deleted. */
    public int openSessions() {
        return service.sessions().open();
    }

    /** Forgets every session, as a BMC that restarted: their tokens are refused from now on. */
    public void expireSessions() {
        service.sessions().expireAll();
    }

    public int sessionsCreated() {
        return service.sessions().created();
    }

    private SimSystem system(String id) {
        SimSystem system = systems.get(id);
        if (system == null) {
            throw new IllegalArgumentException("no system " + id + "; there are " + systems.keySet());
        }
        return system;
    }

    /** Configuration of a simulated Redfish BMC. */
    public static final class Builder {
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private boolean tls = true;
        private File certificateFile;
        private File keyFile;
        private String user = "admin";
        private String password = "";
        private int systems = 1;
        private boolean powerOn = true;
        private Duration transitionDelay = Duration.ZERO;
        private Duration cycleOff = Duration.ofSeconds(1);
        private List<String> resetTypes = IDRAC_RESET_TYPES;
        private boolean actionInfo;
        private boolean sessionService = true;
        private int sessionLimit;
        private int refuseRedundant = 409;
        private long seed = 1;

        /** A loopback address: the simulator never listens anywhere else. */
        public Builder address(InetAddress a) {
            address = LoopbackAddress.require(a, "simulated Redfish BMC");
            return this;
        }

        /** TCP port; 0 (the default) picks a free one. */
        public Builder port(int p) {
            port = p;
            return this;
        }

        /** HTTPS (the default) or plain HTTP. */
        public Builder tls(boolean on) {
            tls = on;
            return this;
        }

        /** A certificate chain and its PKCS#8 key, both PEM, instead of a generated certificate. */
        public Builder certificate(File chain, File key) {
            certificateFile = chain;
            keyFile = key;
            return this;
        }

        public Builder user(String name, String secret) {
            user = name;
            password = secret;
            return this;
        }

        /** How many ComputerSystems (Ids 1..n). */
        public Builder systems(int count) {
            if (count < 0 || count > 1024) {
                throw new IllegalArgumentException("expected 0 to 1024 systems, got " + count);
            }
            systems = count;
            return this;
        }

        public Builder powerOn(boolean on) {
            powerOn = on;
            return this;
        }

        /** How long PoweringOff or PoweringOn lasts after a reset (0: it switches at once). */
        public Builder transitionDelay(Duration delay) {
            transitionDelay = delay;
            return this;
        }

        /** How long a cycle (ForceRestart, PowerCycle) stays off. */
        public Builder cycleOff(Duration off) {
            cycleOff = off;
            return this;
        }

        /** The ResetType values offered (AllowableValues). */
        public Builder resetTypes(List<String> types) {
            resetTypes = List.copyOf(types);
            return this;
        }

        /** Offer the reset types through @Redfish.ActionInfo rather than inline AllowableValues. */
        public Builder actionInfo(boolean on) {
            actionInfo = on;
            return this;
        }

        /** Without it, the service knows only HTTP Basic. */
        public Builder sessionService(boolean on) {
            sessionService = on;
            return this;
        }

        /** At most this many sessions at once (iDRAC's RAC0218 beyond); 0: no limit. */
        public Builder sessionLimit(int limit) {
            sessionLimit = limit;
            return this;
        }

        /** The status refusing a reset to the state the system is in (iDRAC 409, iLO 400); 0: accepted. */
        public Builder refuseRedundant(int status) {
            refuseRedundant = status;
            return this;
        }

        /** Seed of the fault injection's random numbers. */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public SimulatedRedfishBmc start() {
            Map<String, SimSystem> all = new LinkedHashMap<>();
            for (int i = 1; i <= systems; i++) {
                all.put(String.valueOf(i), new SimSystem(String.valueOf(i), powerOn));
            }
            SimFaults faults = new SimFaults(seed);
            SimRedfishService service = new SimRedfishService(new SimRedfishService.Settings(user, password,
                    transitionDelay, cycleOff, resetTypes, actionInfo, sessionService, sessionLimit, refuseRedundant),
                    all, faults);
            SimCertificate generated = tls && certificateFile == null ? SimCertificate.generated() : null;
            SslContext ssl = tls ? sslContext(generated) : null;
            ServerBootstrap bootstrap = new ServerBootstrap().channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (ssl != null) {
                                ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                            }
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MOST_REQUEST_BYTES),
                                    new SimHttpHandler(service, faults));
                        }
                    });
            return new SimulatedRedfishBmc(bootstrap, address, port, service, all, faults, generated);
        }

        private SslContext sslContext(SimCertificate generated) {
            try {
                SslContextBuilder builder = generated != null
                        ? SslContextBuilder.forServer(generated.key(), generated.certificate())
                        : SslContextBuilder.forServer(certificateFile, keyFile);
                return builder.sslProvider(SslProvider.JDK).build();
            } catch (SSLException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot use the certificate and key: " + e.getMessage(), e);
            }
        }
    }
}
