package org.fence4j.ipmi.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.session.Exchanger;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.Reply;
import org.fence4j.ipmi.session.RetryableLoginException;
import org.fence4j.ipmi.session.RetryPolicy;
import org.fence4j.ipmi.session.RoundTrip;

/**
 * One UDP socket to one BMC on a shared event loop. All state is touched on the channel's
 * event loop only; datagrams from other senders or arriving with no exchange pending are dropped.
 */
final class UdpExchanger extends SimpleChannelInboundHandler<DatagramPacket> implements Exchanger {
    private final InetSocketAddress bmc;
    private final RoundTrip roundTrip;
    private Channel channel;
    private Pending<?> pending;
    /** The last send or receive error, e.g. ICMP port unreachable: reported only if no answer comes. */
    private String lastError;

    private UdpExchanger(InetSocketAddress bmc, RoundTrip roundTrip) {
        this.bmc = bmc;
        this.roundTrip = roundTrip;
    }

    /** A socket to {@code bmc} whose retransmission timer learns from and feeds {@code roundTrip}. */
    static CompletableFuture<Exchanger> bind(EventLoopGroup group, InetSocketAddress bmc, RoundTrip roundTrip) {
        UdpExchanger exchanger = new UdpExchanger(bmc, roundTrip);
        CompletableFuture<Exchanger> bound = new CompletableFuture<>();
        // connected: the kernel picks the local address that reaches the BMC (loopback for a
        // loopback BMC) and drops datagrams from any other sender
        ChannelFuture binding = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(exchanger)
                .connect(bmc);
        binding.addListener(f -> {
                    if (f.isSuccess()) {
                        exchanger.channel = binding.channel();
                        bound.complete(exchanger);
                    } else {
                        bound.completeExceptionally(new IpmiException("cannot open a UDP socket: " + f.cause().getMessage()));
                    }
                });
        return bound;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        if (pending != null && bmc.equals(packet.sender())) {
            pending.offer(ByteBufUtil.getBytes(packet.content()));
        }
    }

    /**
     * ICMP port unreachable and the like arrive here. They are not answers: the BMC may be
     * restarting, so the exchange keeps trying until its tries or deadline run out, and then
     * says what the network said.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        lastError = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public <T> CompletableFuture<T> exchange(String what, IntFunction<byte[]> datagramForTry,
            Function<byte[], Reply<T>> judge, RetryPolicy retry, Deadline deadline) {
        Pending<T> p = new Pending<>(what, datagramForTry, judge, retry, deadline);
        channel.eventLoop().execute(() -> {
            if (pending != null) {
                pending.fail(new IpmiException(pending.what + " abandoned: another request started"));
            }
            if (!channel.isOpen()) {
                p.result.completeExceptionally(new IpmiException(what + ": the session is closed"));
                return;
            }
            pending = p;
            p.sendNext();
        });
        return p.result;
    }

    @Override
    public void send(byte[] datagram) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram), bmc));
    }

    @Override
    public void close() {
        channel.eventLoop().execute(() -> {
            if (pending != null) {
                pending.fail(new IpmiException(pending.what + ": the session is closed"));
            }
            channel.close();
        });
    }

    /** One exchange in flight: its tries, its timer, the refusals it saw and its result. */
    private final class Pending<T> {
        final String what;
        final IntFunction<byte[]> datagramForTry;
        final Function<byte[], Reply<T>> judge;
        final RetryPolicy retry;
        final Deadline deadline;
        final CompletableFuture<T> result = new CompletableFuture<>();
        int tries;
        long firstSentAt;
        int refusals;
        IpmiException refusal;
        ScheduledFuture<?> timer;

        Pending(String what, IntFunction<byte[]> datagramForTry, Function<byte[], Reply<T>> judge, RetryPolicy retry,
                Deadline deadline) {
            this.what = what;
            this.datagramForTry = datagramForTry;
            this.judge = judge;
            this.retry = retry;
            this.deadline = deadline;
        }

        void sendNext() {
            if (tries >= retry.tries() || deadline.expired()) {
                fail(refusal != null ? refusal : new NoAnswerException("no answer to " + what + " from the BMC at "
                        + bmc.getHostString() + ":" + bmc.getPort() + " after " + tries + (tries == 1 ? " try" : " tries")
                        + (deadline.expired() ? " (deadline reached)" : "")
                        + (lastError == null ? "" : "; last network error: " + lastError)));
                return;
            }
            tries++;
            if (tries == 1) {
                firstSentAt = System.nanoTime();
            }
            channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagramForTry.apply(tries)), bmc))
                    .addListener(f -> {
                        if (!f.isSuccess()) {
                            lastError = f.cause().getMessage();
                        }
                    });
            long wait = Math.min(retry.waitAfter(tries, roundTrip.timeout()).toNanos(), deadline.remaining().toNanos());
            timer = channel.eventLoop().schedule(this::sendNext, Math.max(wait, 1), TimeUnit.NANOSECONDS);
        }

        void offer(byte[] datagram) {
            Reply<T> reply = judge.apply(datagram);
            if (reply instanceof Reply.Accepted<T> a) {
                if (tries == 1) {
                    roundTrip.sample(System.nanoTime() - firstSentAt);
                }
                finish();
                result.complete(a.value());
            } else if (reply instanceof Reply.Refused<T> r) {
                // a refusal that names a cause (a wrong user, a bad proof) outranks one a fresh login may not meet
                if (refusal == null || !(r.failure() instanceof RetryableLoginException)) {
                    refusal = r.failure();
                }
                if (++refusals >= REFUSALS_TO_BELIEVE) {
                    fail(refusal);
                    return;
                }
                // maybe a corrupted datagram: ask again now rather than wait out the timer
                timer.cancel(false);
                sendNext();
            }
        }

        void fail(Throwable t) {
            finish();
            result.completeExceptionally(t);
        }

        private void finish() {
            if (timer != null) {
                timer.cancel(false);
            }
            if (pending == this) {
                pending = null;
            }
        }
    }
}
