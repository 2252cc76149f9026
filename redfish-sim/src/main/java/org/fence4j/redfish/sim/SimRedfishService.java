package org.fence4j.redfish.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The resources of the simulated service and what each request does to them, apart from HTTP:
 * ServiceRoot, Systems and their ComputerSystem with #ComputerSystem.Reset, SessionService, task
 * monitors. Credentials are a session's X-Auth-Token or HTTP Basic; only the service root (and the
 * OData documents) answer without them.
 */
final class SimRedfishService {
    static final String ROOT = "/redfish/v1";
    static final String SYSTEMS = ROOT + "/Systems";
    static final String SESSIONS = ROOT + "/SessionService/Sessions";
    static final String MONITORS = ROOT + "/TaskService/TaskMonitors";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the service is made; fixed while it runs. */
    record Settings(String user, String password, Duration transitionDelay, Duration cycleOff,
            List<String> allowableValues, boolean actionInfo, boolean sessionService, int sessionLimit,
            int refuseRedundant) {
        Settings {
            allowableValues = List.copyOf(allowableValues);
        }

        @Override
        public String toString() {
            return "Settings[user=" + user + "]";
        }
    }

    private final Settings settings;
    private final Map<String, SimSystem> systems;
    private final SimFaults faults;
    private final SimSessions sessions;
    private final Map<String, Long> taskEnds = new ConcurrentHashMap<>();
    private final AtomicInteger nextTask = new AtomicInteger(1);
    private final List<String> requests = new CopyOnWriteArrayList<>();

    SimRedfishService(Settings settings, Map<String, SimSystem> systems, SimFaults faults) {
        this.settings = settings;
        this.systems = systems;
        this.faults = faults;
        this.sessions = new SimSessions(settings.sessionLimit());
    }

    SimSessions sessions() {
        return sessions;
    }

    /** Every request taken, "METHOD path", in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    SimResponse handle(SimRequest request) {
        requests.add(request.toString());
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        if (path.equals(ROOT) || path.equals("/redfish")) {
            return request.method().equals("GET") ? ok(path.equals(ROOT) ? serviceRoot() : versions()) : notAllowed();
        }
        if (settings.sessionService() && path.equals(SESSIONS) && request.method().equals("POST")) {
            return login(request);
        }
        if (!authorized(request)) {
            return error(401, "Base.1.8.NoValidSession", "There is no valid session established with the"
                    + " implementation.");
        }
        if (settings.sessionService() && path.startsWith(ROOT + "/SessionService")) {
            return sessionService(request, path);
        }
        if (path.equals(SYSTEMS)) {
            return request.method().equals("GET") ? ok(collection(SYSTEMS, "Computer System Collection",
                    systems.keySet().stream().map(id -> SYSTEMS + "/" + id).toList())) : notAllowed();
        }
        if (path.startsWith(SYSTEMS + "/")) {
            return system(request, path.substring(SYSTEMS.length() + 1));
        }
        if (path.startsWith(MONITORS + "/") && request.method().equals("GET")) {
            return task(path.substring(MONITORS.length() + 1));
        }
        return notFound(path);
    }

    private ObjectNode serviceRoot() {
        ObjectNode root = resource(ROOT, "#ServiceRoot.v1_11_0.ServiceRoot", "RootService", "Root Service");
        root.put("RedfishVersion", "1.11.0");
        root.put("UUID", "92384634-2938-2342-8820-489239905423");
        root.set("Systems", link(SYSTEMS));
        if (settings.sessionService()) {
            root.set("SessionService", link(ROOT + "/SessionService"));
            root.set("Links", JSON.createObjectNode().set("Sessions", link(SESSIONS)));
        } else {
            root.set("Links", JSON.createObjectNode());
        }
        return root;
    }

    private static ObjectNode versions() {
        ObjectNode versions = JSON.createObjectNode();
        versions.put("v1", ROOT + "/");
        return versions;
    }

    private SimResponse login(SimRequest request) {
        JsonNode body = parse(request.body());
        if (body == null || !body.path("UserName").isTextual() || !body.path("Password").isTextual()) {
            return error(400, "Base.1.8.PropertyMissing", "The property UserName or Password is a required property"
                    + " and must be included in the request.");
        }
        if (faults.echoLoginPassword()) {
            return error(400, "Base.1.8.PropertyValueFormatError", "The value '" + body.get("Password").asText()
                    + "' for the property Password is not in a format that the service can accept.");
        }
        if (!credentialsMatch(body.get("UserName").asText(), body.get("Password").asText())) {
            return error(401, "Base.1.8.NoValidSession", "There is no valid session established with the"
                    + " implementation.");
        }
        Optional<Map.Entry<String, String>> session = sessions.create();
        if (session.isEmpty()) {
            return error(400, "Base.1.8.GeneralError", "A general error has occurred. See ExtendedInfo for more"
                    + " information.", "IDRAC.2.8.RAC0218", "The maximum number of user sessions is reached.");
        }
        String id = session.get().getValue();
        String template = faults.sessionLocation();
        SimResponse created = SimResponse.of(201, sessionResource(id)).with("X-Auth-Token", session.get().getKey());
        if (template == null) {
            return created.with("Location", SESSIONS + "/" + id);
        }
        if (template.isEmpty()) {
            ObjectNode bare = sessionResource(id);
            bare.remove("@odata.id");
            return SimResponse.of(201, bare).with("X-Auth-Token", session.get().getKey());
        }
        return created.with("Location", template.replace("{id}", id));
    }

    private SimResponse sessionService(SimRequest request, String path) {
        if (path.equals(ROOT + "/SessionService") && request.method().equals("GET")) {
            ObjectNode service = resource(path, "#SessionService.v1_1_8.SessionService", "SessionService",
                    "Session Service");
            service.put("ServiceEnabled", true);
            service.put("SessionTimeout", 1800);
            service.set("Sessions", link(SESSIONS));
            return ok(service);
        }
        if (path.equals(SESSIONS) && request.method().equals("GET")) {
            return ok(collection(SESSIONS, "Session Collection", sessions.ids().stream().map(id -> SESSIONS + "/" + id)
                    .toList()));
        }
        if (path.startsWith(SESSIONS + "/")) {
            String id = path.substring(SESSIONS.length() + 1);
            if (!sessions.exists(id)) {
                return notFound(path);
            }
            if (request.method().equals("DELETE")) {
                sessions.delete(id);
                return SimResponse.of(204, null);
            }
            return request.method().equals("GET") ? ok(sessionResource(id)) : notAllowed();
        }
        return notFound(path);
    }

    private ObjectNode sessionResource(String id) {
        ObjectNode session = resource(SESSIONS + "/" + id, "#Session.v1_3_0.Session", id, "User Session");
        session.put("UserName", settings.user());
        return session;
    }

    private SimResponse system(SimRequest request, String rest) {
        String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        SimSystem system = systems.get(id);
        if (system == null) {
            return notFound(SYSTEMS + "/" + rest);
        }
        String uri = SYSTEMS + "/" + id;
        if (rest.equals(id)) {
            return request.method().equals("GET") ? ok(computerSystem(system, uri)) : notAllowed();
        }
        if (rest.equals(id + "/ResetActionInfo") && request.method().equals("GET")) {
            return ok(actionInfo(uri));
        }
        if (rest.equals(id + "/Actions/ComputerSystem.Reset")) {
            return request.method().equals("POST") ? reset(system, request) : notAllowed();
        }
        return notFound(SYSTEMS + "/" + rest);
    }

    private ObjectNode computerSystem(SimSystem system, String uri) {
        ObjectNode resource = resource(uri, "#ComputerSystem.v1_13_0.ComputerSystem", system.id(),
                "Simulated system " + system.id());
        resource.put("SystemType", "Physical");
        resource.put("Manufacturer", "fence4j");
        resource.put("Model", "Simulated Redfish BMC");
        resource.put("PowerState", system.powerState());
        ObjectNode boot = resource.putObject("Boot");
        boot.put("BootSourceOverrideEnabled", "Disabled");
        boot.put("BootSourceOverrideTarget", "None");
        ObjectNode status = resource.putObject("Status");
        status.put("State", "Enabled");
        status.put("Health", "OK");
        ObjectNode reset = resource.putObject("Actions").putObject("#ComputerSystem.Reset");
        reset.put("target", uri + "/Actions/ComputerSystem.Reset");
        if (settings.actionInfo()) {
            reset.put("@Redfish.ActionInfo", uri + "/ResetActionInfo");
        } else {
            ArrayNode allowed = reset.putArray("ResetType@Redfish.AllowableValues");
            settings.allowableValues().forEach(allowed::add);
        }
        return resource;
    }

    private ObjectNode actionInfo(String uri) {
        ObjectNode info = resource(uri + "/ResetActionInfo", "#ActionInfo.v1_1_2.ActionInfo", "ResetActionInfo",
                "Reset Action Info");
        ObjectNode parameter = info.putArray("Parameters").addObject();
        parameter.put("Name", "ResetType");
        parameter.put("Required", true);
        parameter.put("DataType", "String");
        ArrayNode allowed = parameter.putArray("AllowableValues");
        settings.allowableValues().forEach(allowed::add);
        return info;
    }

    private SimResponse reset(SimSystem system, SimRequest request) {
        JsonNode body = parse(request.body());
        String type = body == null ? "" : body.path("ResetType").asText("");
        system.received(type);
        if (!settings.allowableValues().contains(type)) {
            return error(400, "Base.1.8.ActionParameterNotSupported", "The parameter ResetType for the action"
                    + " ComputerSystem.Reset is not supported on the target resource.");
        }
        if (faults.refuseResets() != 0) {
            return error(faults.refuseResets(), "Base.1.8.InternalError", "The request failed due to an internal"
                    + " service error. The service is still operational.");
        }
        boolean on = system.powerState().equals("On");
        boolean off = system.powerState().equals("Off");
        switch (type) {
            case "ForceOff", "GracefulShutdown", "PushPowerButton" -> {
                if (off && settings.refuseRedundant() != 0) {
                    return alreadyIn("IDRAC.2.8.PSU501", "OFF");
                }
                if (!faults.stuckOn()) {
                    system.switchTo(false, settings.transitionDelay(), null);
                }
            }
            case "On", "ForceOn" -> {
                if (on && settings.refuseRedundant() != 0) {
                    return alreadyIn("IDRAC.2.8.PSU502", "ON");
                }
                if (!faults.stuckOff()) {
                    system.switchTo(true, settings.transitionDelay(), null);
                }
            }
            case "ForceRestart", "PowerCycle", "GracefulRestart" -> {
                if (!faults.stuckOn()) {
                    system.switchTo(false, settings.transitionDelay(), settings.cycleOff());
                }
            }
            default -> {
                // Nmi and the rest change no power
            }
        }
        Duration task = faults.taskRunsFor();
        if (task == null) {
            return SimResponse.of(204, null);
        }
        String id = String.valueOf(nextTask.getAndIncrement());
        taskEnds.put(id, System.nanoTime() + task.toNanos());
        return SimResponse.of(202, task(id, "Running")).with("Location", MONITORS + "/" + id)
                .with("Retry-After", String.valueOf(Math.max(0, faults.retryAfterSeconds())));
    }

    /** iDRAC's refusal of a reset to the state the system is in already. */
    private SimResponse alreadyIn(String messageId, String state) {
        return error(settings.refuseRedundant(), "Base.1.8.GeneralError", "A general error has occurred. See"
                + " ExtendedInfo for more information.", messageId, "Server is already powered " + state + ".");
    }

    private SimResponse task(String id) {
        Long ends = taskEnds.get(id);
        if (ends == null) {
            return notFound(MONITORS + "/" + id);
        }
        if (System.nanoTime() - ends < 0) {
            return SimResponse.of(202, task(id, "Running"));
        }
        return ok(task(id, "Completed"));
    }

    private ObjectNode task(String id, String state) {
        ObjectNode task = resource(ROOT + "/TaskService/Tasks/" + id, "#Task.v1_4_3.Task", id, "Reset task");
        task.put("TaskState", state);
        task.put("TaskStatus", "OK");
        task.put("TaskMonitor", MONITORS + "/" + id);
        return task;
    }

    private boolean authorized(SimRequest request) {
        Optional<String> token = request.header("x-auth-token");
        if (token.isPresent()) {
            return settings.sessionService() && sessions.valid(token.get());
        }
        return request.header("authorization").filter(a -> a.regionMatches(true, 0, "Basic ", 0, 6)).map(a -> {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(a.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = pair.indexOf(':');
            return colon > 0 && credentialsMatch(pair.substring(0, colon), pair.substring(colon + 1));
        }).orElse(false);
    }

    private boolean credentialsMatch(String user, String password) {
        return user.equals(settings.user()) && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                settings.password().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode resource(String uri, String type, String id, String name) {
        ObjectNode node = JSON.createObjectNode();
        node.put("@odata.id", uri);
        node.put("@odata.type", type);
        node.put("Id", id);
        node.put("Name", name);
        return node;
    }

    private static ObjectNode collection(String uri, String name, List<String> members) {
        ObjectNode node = JSON.createObjectNode();
        node.put("@odata.id", uri);
        node.put("@odata.type", "#" + name.replace(" ", "") + "." + name.replace(" ", ""));
        node.put("Name", name);
        ArrayNode array = node.putArray("Members");
        members.forEach(m -> array.add(link(m)));
        node.put("Members@odata.count", members.size());
        return node;
    }

    private static ObjectNode link(String uri) {
        return JSON.createObjectNode().put("@odata.id", uri);
    }

    private static SimResponse ok(JsonNode body) {
        return SimResponse.of(200, body);
    }

    private static SimResponse notFound(String path) {
        return error(404, "Base.1.8.ResourceMissingAtURI", "The resource at the URI " + path + " was not found.");
    }

    private static SimResponse notAllowed() {
        return error(405, "Base.1.8.OperationNotAllowed", "The HTTP method is not allowed on this resource.");
    }

    /** A Redfish error body: error.code and error.message, with one extended message (its id and words). */
    static SimResponse error(int status, String code, String message, String... extended) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode info = error.putArray("@Message.ExtendedInfo").addObject();
        info.put("MessageId", extended.length > 0 ? extended[0] : code);
        info.put("Message", extended.length > 1 ? extended[1] : message);
        info.put("Severity", "Critical");
        return SimResponse.of(status, body);
    }

    static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
