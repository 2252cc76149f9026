package org.fence4j.redfish.sim;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HTTP in front of the simulated service, with the transport's faults: requests never answered,
 * answered 503, or whose answer is dropped with the connection after the service acted.
 */
final class SimHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final SimRedfishService service;
    private final SimFaults faults;

    SimHttpHandler(SimRedfishService service, SimFaults faults) {
        this.service = service;
        this.faults = faults;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            // not HTTP (a TLS handshake on the plain port, say): no request was made
            ctx.close();
            return;
        }
        if (faults.neverAnswerNow()) {
            faults.leftUnanswered();
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        SimResponse response;
        Duration late = Duration.ZERO;
        if (faults.unavailableNow()) {
            response = unavailable(faults);
        } else {
            SimRequest sim = toSim(request);
            response = service.handle(sim);
            boolean reset = sim.path().endsWith("/Actions/ComputerSystem.Reset");
            boolean login = sim.method().equals("POST") && sim.path().equals(SimRedfishService.SESSIONS);
            if (faults.dropNow() || faults.dropResetAnswers() && reset || faults.dropLoginAnswers() && login) {
                ctx.close();
                return;
            }
            if (faults.unavailableAfterResets() && reset) {
                response = unavailable(faults);
            }
            if (sim.method().equals("GET") && sim.path().matches(SimRedfishService.SYSTEMS + "/[^/]+/?")) {
                late = faults.slowSystemReads();
            }
        }
        FullHttpResponse answer = toHttp(response);
        HttpUtil.setKeepAlive(answer, keepAlive);
        if (late.isZero()) {
            answer(ctx, answer, keepAlive);
        } else {
            ctx.executor().schedule(() -> answer(ctx, answer, keepAlive), late.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static void answer(ChannelHandlerContext ctx, FullHttpResponse answer, boolean keepAlive) {
        if (keepAlive) {
            ctx.writeAndFlush(answer);
        } else {
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static SimResponse unavailable(SimFaults faults) {
        return SimRedfishService.error(503, "Base.1.8.ServiceTemporarilyUnavailable", "The service is temporarily"
                + " unavailable. Retry in " + faults.retryAfterSeconds() + " seconds.")
                .with("Retry-After", String.valueOf(faults.retryAfterSeconds()));
    }

    private static SimRequest toSim(FullHttpRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        return new SimRequest(request.method().name(), new QueryStringDecoder(request.uri()).rawPath(), headers,
                ByteBufUtil.getBytes(request.content()));
    }

    private static FullHttpResponse toHttp(SimResponse response) {
        byte[] body = response.body() == null ? new byte[0] : SimRedfishService.bytes(response.body());
        FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(body));
        if (body.length > 0) {
            answer.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        }
        answer.headers().set("OData-Version", "4.0");
        response.headers().forEach((name, value) -> answer.headers().set(name, value));
        HttpUtil.setContentLength(answer, body.length);
        return answer;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a client that left or spoke no TLS: its connection ends, the server goes on
        ctx.close();
    }
}
