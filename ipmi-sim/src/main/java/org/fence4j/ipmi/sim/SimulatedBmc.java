package org.fence4j.ipmi.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.sim.LoopbackAddress;
import org.fence4j.sim.LoopbackServer;

/**
 * A small RMCP+ BMC on a loopback address, for tests and demonstrations: users, cipher suites,
 * Kg, a power state and fault injection ({@link Faults}). Start, inspect, stop:
 * <pre>{@code
 * try (SimulatedBmc bmc = SimulatedBmc.builder().user("admin", secret, Privilege.ADMINISTRATOR).start()) {
 *     ... bmc.port() ... bmc.powerOn() ... bmc.faults().neverPowerOff(true) ...
 * }
 * }</pre>
 */
public final class SimulatedBmc extends LoopbackServer {
    private final BmcState state;
    private final Faults faults;
    private final Set<Integer> cipherSuites;

    private SimulatedBmc(Bootstrap bootstrap, InetAddress address, int port, BmcState state, Faults faults,
            Set<Integer> cipherSuites) {
        super("bmc-sim", bootstrap, address, port);
        this.state = state;
        this.faults = faults;
        this.cipherSuites = cipherSuites;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<Integer> cipherSuites() {
        return cipherSuites;
    }

    public boolean powerOn() {
        return state.powerOn();
    }

    public void setPower(boolean on) {
        state.setPower(on);
    }

    public Faults faults() {
        return faults;
    }

    /** Chassis Control requests received, in order, as words ("power down", "power up", ...). */
    public List<String> chassisLog() {
        return List.copyOf(state.chassisLog);
    }

    /** Sessions through RAKP 4 that have not been closed by Close Session. */
    public int activeSessions() {
        return state.activeSessions.get();
    }

    public int sessionsActivated() {
        return state.sessionsActivated.get();
    }

    public int sessionsClosed() {
        return state.sessionsClosed.get();
    }

    /** Configuration of a simulated BMC. */
    public static final class Builder {
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private final List<SimUser> users = new ArrayList<>();
        private Set<Integer> cipherSuites = Set.of(1, 2, 3, 17);
        private Secret kg;
        private boolean powerOn = true;
        private long seed = 1;
        private byte[] guid = {(byte) 0xa1, (byte) 0xb2, (byte) 0xc3, (byte) 0xd4, (byte) 0xe5, (byte) 0xf6, 0x07, 0x18,
            0x29, 0x3a, 0x4b, 0x5c, 0x6d, 0x7e, 0x00, 0x01};

        /** A loopback address: the simulator never listens anywhere else. */
        public Builder address(InetAddress a) {
            address = LoopbackAddress.require(a, "simulated BMC");
            return this;
        }

        /** UDP port; 0 (the default) picks a free one. */
        public Builder port(int p) {
            port = p;
            return this;
        }

        public Builder user(String name, Secret password, Privilege maxPrivilege) {
            users.add(new SimUser(name, password, maxPrivilege));
            return this;
        }

        /** Cipher suites accepted; 0 only to test that clients refuse it. */
        public Builder cipherSuites(Set<Integer> ids) {
            cipherSuites = Set.copyOf(new LinkedHashSet<>(ids));
            return this;
        }

        public Builder kg(Secret key) {
            kg = key;
            return this;
        }

        public Builder powerOn(boolean on) {
            powerOn = on;
            return this;
        }

        /** Seed of the fault injection's random numbers. */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public SimulatedBmc start() {
            BmcState state = new BmcState(powerOn);
            Faults faults = new Faults(seed);
            BmcEngine engine = new BmcEngine(users, cipherSuites, kg, guid, state, faults);
            Bootstrap bootstrap = new Bootstrap().channel(NioDatagramChannel.class).handler(new Handler(engine, faults));
            return new SimulatedBmc(bootstrap, address, port, state, faults, cipherSuites);
        }
    }

    /** Applies the faults of each direction around the engine. Event loop only. */
    private static final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final BmcEngine engine;
        private final Faults faults;
        private final Held held = new Held();

        Handler(BmcEngine engine, Faults faults) {
            this.engine = engine;
            this.faults = faults;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            byte[] bytes = ByteBufUtil.getBytes(packet.content());
            InetSocketAddress console = packet.sender();
            Channel ch = ctx.channel();
            Consumer<byte[]> toConsole = d -> ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(d), console));
            deliver(ch, faults.toBmc(), held.in, bytes, in -> engine.handle(in).map(faults::spoil).ifPresent(out -> {
                faults.forgeriesBefore(out).forEach(toConsole);
                Runnable answer = () -> deliver(ch, faults.fromBmc(), held.out, out, toConsole);
                int late = faults.lateMillis(out);
                if (late > 0) {
                    ch.eventLoop().schedule(answer, late, TimeUnit.MILLISECONDS);
                } else {
                    answer.run();
                }
            }));
        }

        /** Drops, duplicates, delays or reorders one datagram of one direction, then hands it on. */
        private void deliver(Channel ch, Faults.Direction d, List<Runnable> heldBack, byte[] datagram, Consumer<byte[]> next) {
            if (faults.chance(d.dropRate())) {
                return;
            }
            int copies = faults.chance(d.duplicateRate()) ? 2 : 1;
            Runnable send = () -> {
                for (int i = 0; i < copies; i++) {
                    next.accept(datagram);
                }
            };
            if (d.reorder() && heldBack.isEmpty()) {
                heldBack.add(send);   // goes out after the next datagram of this direction
                return;
            }
            Runnable all = () -> {
                send.run();
                List<Runnable> late = new ArrayList<>(heldBack);
                heldBack.clear();
                late.forEach(Runnable::run);
            };
            if (d.delayMillis() > 0) {
                ch.eventLoop().schedule(all, d.delayMillis(), TimeUnit.MILLISECONDS);
            } else {
                all.run();
            }
        }
    }

    /** Datagrams held back to be reordered, per direction. */
    private static final class Held {
        final List<Runnable> in = new ArrayList<>();
        final List<Runnable> out = new ArrayList<>();
    }
}
