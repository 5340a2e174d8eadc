package com.returnsgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * What would break a deployment, read from the files themselves (plain JUnit, no Spring context): the Dockerfile and
 * the Kubernetes manifests in deploy/kubernetes must agree with each other and with the configuration the gateway
 * reads (config/application.yaml, config/application-prod.yaml, config/jvm.options). Each failure names the file and
 * the key that is wrong.
 */
class DeploymentManifestsTest {

    private static final Path KUBERNETES = Path.of("deploy/kubernetes");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path DOCKERIGNORE = Path.of(".dockerignore");
    private static final Path APPLICATION = Path.of("config/application.yaml");
    private static final Path APPLICATION_PROD = Path.of("config/application-prod.yaml");
    private static final Path JVM_OPTIONS = Path.of("config/jvm.options");
    private static final String CONTAINER = "returns-gateway";
    private static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";
    private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");
    /** {@code ${NAME}} or {@code ${NAME:default}}: group 1 the name, group 2 the default (null: none). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    /** A variable name as the Secret's keys are written (an environment variable's). */
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final long MIB = 1024 * 1024;

    private static Node config;
    private static Map<String, Node> manifests;
    private static Dockerfile dockerfile;

    @BeforeAll
    static void readFiles() throws IOException {
        config = Node.of(APPLICATION.toString(), new Yaml().load(Files.readString(APPLICATION)));
        manifests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    Node manifest = Node.of(file.toString(), document);
                    Node previous = manifests.put(manifest.get("kind").text(), manifest);
                    assertThat(previous).as("%s and %s are both a %s: this test expects one of each kind",
                            file, previous == null ? "" : previous.file(), manifest.get("kind").text()).isNull();
                }
            }
        }
        dockerfile = Dockerfile.read(DOCKERFILE);
    }

    @Test
    void everyPortIsThePortTheGatewayListensOn() {
        int serverPort = config.get("server", "port").integer();
        Node container = gatewayContainer();
        Map<String, Integer> named = new LinkedHashMap<>();
        for (Node port : container.get("ports").list()) {
            assertThat(port.get("containerPort").integer())
                    .as("%s.containerPort: the gateway listens on server.port %d (%s)", port.where(), serverPort,
                            APPLICATION)
                    .isEqualTo(serverPort);
            port.find("name").ifPresent(name -> named.put(name.text(), port.get("containerPort").integer()));
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Node port = container.get(probe, "httpGet", "port");
            assertThat(portNumber(port, named)).as("%s: the gateway listens on server.port %d (%s)", port.where(),
                    serverPort, APPLICATION).isEqualTo(serverPort);
        }
        for (Node port : manifest("Service").get("spec", "ports").list()) {
            Node target = port.get("targetPort");
            assertThat(portNumber(target, named)).as("%s: the gateway listens on server.port %d (%s)",
                    target.where(), serverPort, APPLICATION).isEqualTo(serverPort);
        }
        assertThat(dockerfile.finalStage("EXPOSE")).as("%s EXPOSE: the gateway listens on server.port %d (%s)",
                DOCKERFILE, serverPort, APPLICATION).contains(String.valueOf(serverPort));
    }

    @Test
    void probesAskTheActuatorsLivenessAndReadinessGroups() {
        Node health = config.get("management", "endpoint", "health");
        assertThat(health.get("probes", "enabled").value()).as("%s: the probes' paths exist only with it on",
                health.get("probes", "enabled").where()).isEqualTo(true);
        Node groups = health.get("group");
        assertThat(groups.map()).as("%s: the groups the probes ask", groups.where())
                .containsKeys("liveness", "readiness");
        for (String group : List.of("liveness", "readiness")) {
            Node include = groups.get(group, "include");
            assertThat(include.text()).as("%s: a forwarder's outage must never restart the gateway or take it out of "
                    + "the Service", include.where()).doesNotContain("remoteSystems");
        }
        assertThat(config.get("management", "endpoints", "web", "exposure", "include").text())
                .as("%s management.endpoints.web.exposure.include", APPLICATION).contains("health");
        String actuator = config.find("management", "endpoints", "web", "base-path").map(Node::text)
                .orElse("/actuator");

        Node container = gatewayContainer();
        assertThat(container.get("livenessProbe", "httpGet", "path").text())
                .as("%s", container.get("livenessProbe", "httpGet", "path").where())
                .isEqualTo(actuator + "/health/liveness");
        assertThat(container.get("readinessProbe", "httpGet", "path").text())
                .as("%s", container.get("readinessProbe", "httpGet", "path").where())
                .isEqualTo(actuator + "/health/readiness");
        assertThat(container.get("startupProbe", "httpGet", "path").text())
                .as("%s: the liveness group, which is UP once the application has started",
                        container.get("startupProbe", "httpGet", "path").where())
                .isEqualTo(actuator + "/health/liveness");
    }

    @Test
    void everySecretAndConfigMapTheDeploymentNamesExistsWithItsKeys() {
        Node pod = manifest("Deployment").get("spec", "template", "spec");
        pod.walk(node -> {
            node.find("secretKeyRef").ifPresent(ref -> assertThat(secretKeys(ref.get("name")))
                    .as("%s.key", ref.where()).contains(ref.get("key").text()));
            node.find("configMapKeyRef").ifPresent(ref -> assertThat(configMapKeys(ref.get("name")))
                    .as("%s.key", ref.where()).contains(ref.get("key").text()));
            node.find("secretRef").ifPresent(ref -> secretKeys(ref.get("name")));
            node.find("configMapRef").ifPresent(ref -> configMapKeys(ref.get("name")));
        });
        for (Node volume : pod.get("volumes").list()) {
            volume.find("secret").ifPresent(secret -> {
                Set<String> keys = secretKeys(secret.get("secretName"));
                secret.find("items").ifPresent(items -> items.list().forEach(item ->
                        assertThat(keys).as("%s.key", item.where()).contains(item.get("key").text())));
            });
            volume.find("configMap").ifPresent(configMap -> {
                Set<String> keys = configMapKeys(configMap.get("name"));
                configMap.find("items").ifPresent(items -> items.list().forEach(item ->
                        assertThat(keys).as("%s.key", item.where()).contains(item.get("key").text())));
            });
        }
    }

    @Test
    void everySecretKeyIsAVariableTheConfigurationReadsAndEveryRequiredVariableIsASecretKey() throws IOException {
        Node configMap = manifest("ConfigMap");
        Map<String, String> configurationFiles = new LinkedHashMap<>();
        configurationFiles.put(APPLICATION.toString(), Files.readString(APPLICATION));
        configurationFiles.put(APPLICATION_PROD.toString(), Files.readString(APPLICATION_PROD));
        configMap.get("data").map().forEach((key, text) ->
                configurationFiles.put(configMap.file() + " data." + key, String.valueOf(text)));
        Set<String> read = new TreeSet<>();
        configurationFiles.values().forEach(text -> read.addAll(placeholders(text).keySet()));

        Node secret = manifest("Secret");
        assertThat(secret.find("data")).as("%s: values as stringData placeholders; real values never go into the "
                + "repository", secret.file()).isEmpty();
        Node values = secret.get("stringData");
        for (Map.Entry<String, Object> entry : values.map().entrySet()) {
            assertThat(read).as("%s stringData.%s: no ${%s} in %s reads it, so the gateway would never see this "
                    + "secret", secret.file(), entry.getKey(), entry.getKey(), configurationFiles.keySet())
                    .contains(entry.getKey());
            assertThat(entry.getValue()).as("%s stringData.%s: a placeholder only (change-me); real secrets are "
                    + "created in the cluster, never committed", secret.file(), entry.getKey()).isEqualTo("change-me");
        }

        configMap.get("data").map().forEach((key, text) -> placeholders(String.valueOf(text)).forEach((name, value) -> {
            if (value == null && VARIABLE.matcher(name).matches()) {
                assertThat(values.map().keySet()).as("%s data.%s reads ${%s} without a default: the Secret %s needs "
                        + "that key, or the start-up stops on it", configMap.file(), key, name, secret.file())
                        .contains(name);
            }
        }));
    }

    @Test
    void secretsAreMountedWhereTheGatewayReadsItsConfigtreeAndTheConfigMapWhereSpringBootLooks() {
        Node container = gatewayContainer();
        Map<String, String> env = env(container);
        String secretName = manifest("Secret").get("metadata", "name").text();
        String secretsPath = mountPathOf(container, volume -> volume.find("secret")
                .filter(secret -> secret.get("secretName").text().equals(secretName)).isPresent());
        String configtree = "configtree:" + secretsPath + "/";
        assertThat(env.get("SPRING_CONFIG_IMPORT")).as("%s env SPRING_CONFIG_IMPORT: the Secret %s is mounted at %s",
                container.where(), secretName, secretsPath).contains(configtree);
        assertThat(dockerfile.env().get("SPRING_CONFIG_IMPORT")).as("%s ENV SPRING_CONFIG_IMPORT: the Deployment "
                + "mounts the Secret at %s", DOCKERFILE, secretsPath).contains(configtree);

        // Spring Boot reads ./config/*/application*.yaml: one folder below config/ in the working directory, and a
        // profile file beats a plain one wherever it is, so the overlay is named after the active profile
        String configMapName = manifest("ConfigMap").get("metadata", "name").text();
        String configPath = mountPathOf(container, volume -> volume.find("configMap")
                .filter(configMap -> configMap.get("name").text().equals(configMapName)).isPresent());
        assertThat(Path.of(configPath).getParent())
                .as("%s: the ConfigMap %s must be mounted one folder below %s/config", container.where(),
                        configMapName, dockerfile.workdir())
                .isEqualTo(Path.of(dockerfile.workdir(), "config"));
        String profile = env.get("SPRING_PROFILES_ACTIVE");
        assertThat(profile).as("%s env SPRING_PROFILES_ACTIVE", container.where()).isEqualTo("prod");
        assertThat(dockerfile.env().get("SPRING_PROFILES_ACTIVE")).as("%s ENV SPRING_PROFILES_ACTIVE", DOCKERFILE)
                .isEqualTo("prod");
        for (String key : manifest("ConfigMap").get("data").map().keySet()) {
            assertThat(key).as("%s data.%s: overrides config/application-%s.yaml only when named after the active "
                    + "profile", manifest("ConfigMap").file(), key, profile)
                    .isEqualTo("application-" + profile + ".yaml");
        }
    }

    @Test
    void twoReplicasAndTheServiceAndTheDisruptionBudgetSelectTheirPods() {
        Node deployment = manifest("Deployment");
        assertThat(deployment.get("spec", "replicas").integer()).as("%s", deployment.get("spec", "replicas").where())
                .isEqualTo(2);
        Map<String, Object> podLabels = deployment.get("spec", "template", "metadata", "labels").map();
        Node selectors = deployment.get("spec", "selector", "matchLabels");
        assertThat(podLabels).as("%s: the pod template's labels", selectors.where())
                .containsAllEntriesOf(selectors.map());
        Node service = manifest("Service").get("spec", "selector");
        assertThat(service.map()).as("%s", service.where()).isNotEmpty();
        assertThat(podLabels).as("%s: the Deployment's pod labels", service.where())
                .containsAllEntriesOf(service.map());
        Node budget = manifest("PodDisruptionBudget");
        Node budgetSelector = budget.get("spec", "selector", "matchLabels");
        assertThat(podLabels).as("%s: the Deployment's pod labels", budgetSelector.where())
                .containsAllEntriesOf(budgetSelector.map());
        assertThat(budget.get("spec", "minAvailable").integer()).as("%s: one instance keeps working during a drain",
                budget.get("spec", "minAvailable").where()).isEqualTo(1);
    }

    @Test
    void kubernetesWaitsLongerThanTheGatewayTakesToShutDown() {
        assertThat(config.get("server", "shutdown").text()).as("%s", config.get("server", "shutdown").where())
                .isEqualTo("graceful");
        Duration phase = DurationStyle.detectAndParse(
                config.get("spring", "lifecycle", "timeout-per-shutdown-phase").text());
        int camel = config.get("camel", "main", "shutdown-timeout").integer();
        Node container = gatewayContainer();
        int preStop = container.find("lifecycle", "preStop").map(DeploymentManifestsTest::sleepSeconds).orElse(0);
        Node grace = manifest("Deployment").get("spec", "template", "spec", "terminationGracePeriodSeconds");
        assertThat(grace.integer()).as("%s: Kubernetes kills the pod after it, so it must exceed the preStop sleep "
                + "(%d s) + Tomcat's graceful shutdown (spring.lifecycle.timeout-per-shutdown-phase %d s) + Camel's "
                + "(camel.main.shutdown-timeout %d s) in %s", grace.where(), preStop, phase.toSeconds(), camel,
                APPLICATION).isGreaterThan(preStop + (int) phase.toSeconds() + camel);
    }

    @Test
    void theImageRunsAsANonRootUserWithTheShippedJvmSettings() throws IOException {
        String user = dockerfile.finalStage("USER").stream().reduce((first, second) -> second).orElse("");
        assertThat(user).as("%s USER: a numeric uid[:gid] other than 0 (runAsNonRoot can check only a number)",
                DOCKERFILE).matches("[1-9][0-9]*(:[0-9]+)?");
        long uid = Long.parseLong(user.split(":")[0]);
        Node pod = manifest("Deployment").get("spec", "template", "spec");
        pod.find("securityContext", "runAsUser").ifPresent(runAs -> assertThat((long) runAs.integer())
                .as("%s: the image's USER is %s", runAs.where(), user).isEqualTo(uid));
        assertThat(pod.get("securityContext", "runAsNonRoot").value()).as("%s",
                pod.get("securityContext", "runAsNonRoot").where()).isEqualTo(true);

        List<String> entrypoint = dockerfile.entrypoint();
        assertThat(entrypoint).as("%s ENTRYPOINT: exec form, java itself is process 1 and gets SIGTERM", DOCKERFILE)
                .isNotEmpty().first().isEqualTo("java");
        String jvmOptions = dockerfile.workdir() + "/" + JVM_OPTIONS;
        assertThat(entrypoint).as("%s ENTRYPOINT: the JVM settings the gateway ships with, as an @argument file",
                DOCKERFILE).contains("@" + jvmOptions);
        assertThat(dockerfile.finalStage("COPY")).as("%s COPY: %s must be in the image", DOCKERFILE, JVM_OPTIONS)
                .anyMatch(copy -> copy.contains(JVM_OPTIONS.toString()));
        assertThat(entrypoint).as("%s ENTRYPOINT: the launcher of Spring Boot 4's extracted jar", DOCKERFILE)
                .last().isEqualTo(LAUNCHER);
        for (String option : Files.readAllLines(JVM_OPTIONS)) {
            assertThat(option.strip()).as("%s: one JVM option per line (java reads it as an @argument file)",
                    JVM_OPTIONS).matches("(-\\S+)?|#.*");
        }

        // readOnlyRootFilesystem: what the gateway writes must be on a writable volume
        Node container = gatewayContainer();
        Node security = container.get("securityContext");
        assertThat(security.get("readOnlyRootFilesystem").value()).as("%s", security.where()).isEqualTo(true);
        assertThat(security.get("allowPrivilegeEscalation").value()).as("%s", security.where()).isEqualTo(false);
        assertThat(security.get("capabilities", "drop").list()).as("%s", security.where())
                .anyMatch(drop -> drop.text().equals("ALL"));
        String fontCache = entrypoint.stream().filter(arg -> arg.startsWith("-Dpdfbox.fontcache=")).findFirst()
                .map(arg -> arg.substring(arg.indexOf('=') + 1))
                .orElseGet(() -> fail("%s ENTRYPOINT: -Dpdfbox.fontcache=<dir> is missing: PDFBox would write its "
                        + "font cache into the home folder", DOCKERFILE));
        String writable = mountPathOf(container, volume -> volume.find("emptyDir").isPresent());
        assertThat(fontCache).as("%s ENTRYPOINT -Dpdfbox.fontcache: the root filesystem is read-only; the only "
                + "writable folder is the emptyDir at %s (%s)", DOCKERFILE, writable, container.where())
                .startsWith(writable + "/");
    }

    @Test
    void theReadmesRunCommandStartsTheGatewayWithTheSameJvmSettingsAsTheImage() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        int plugin = pom.indexOf("<artifactId>spring-boot-maven-plugin</artifactId>");
        int end = pom.indexOf("</plugin>", plugin);
        assertThat(plugin).as("pom.xml: the spring-boot-maven-plugin runs ./mvnw spring-boot:run").isPositive();
        assertThat(pom.substring(plugin, end)).as("pom.xml spring-boot-maven-plugin <jvmArguments>: the JVM settings "
                + "the gateway ships with (%s) as an @argument file", JVM_OPTIONS)
                .containsPattern("<jvmArguments>[^<]*@" + JVM_OPTIONS + "[\\s<]");
    }

    @Test
    void theMemoryLimitHoldsTheHeapAndWhatTheJvmNeedsBesideIt() throws IOException {
        String xmx = Files.readAllLines(JVM_OPTIONS).stream().map(String::strip).filter(o -> o.startsWith("-Xmx"))
                .reduce((first, second) -> second)
                .orElseGet(() -> fail("%s has no -Xmx: the heap would be a quarter of the node's memory, not the "
                        + "container's limit", JVM_OPTIONS));
        long heap = jvmBytes(xmx.substring(4));
        Node limits = gatewayContainer().get("resources", "limits", "memory");
        long limit = kubernetesBytes(limits.text());
        assertThat(limit).as("%s %s: at least -Xmx %s (%s) + 128Mi for metaspace, code cache and thread stacks",
                limits.where(), limits.text(), xmx.substring(4), JVM_OPTIONS).isGreaterThanOrEqualTo(heap + 128 * MIB);
        Node requests = gatewayContainer().get("resources", "requests", "memory");
        assertThat(kubernetesBytes(requests.text())).as("%s %s: not above the limit %s", requests.where(),
                requests.text(), limits.text()).isLessThanOrEqualTo(limit);
    }

    @Test
    void theImageIsBuiltFromTheLayeredJarOneCopyPerLayer() {
        Matcher extract = Pattern.compile("java -Djarmode=tools -jar \\S+\\.jar extract --layers --launcher "
                + "--destination (\\S+)").matcher(String.join("\n", dockerfile.instructions("RUN")));
        assertThat(extract.find()).as("%s RUN: the layered jar's tools extract its layers with the launcher "
                + "(java -Djarmode=tools -jar <jar> extract --layers --launcher --destination <dir>)", DOCKERFILE)
                .isTrue();
        String layers = extract.group(1);
        List<String> copies = dockerfile.finalStage("COPY").stream()
                .filter(copy -> copy.startsWith("--from=") && copy.contains(layers + "/")).toList();
        assertThat(copies).as("%s: one COPY per layer, least often changed first", DOCKERFILE).hasSize(LAYERS.size());
        Set<String> targets = new LinkedHashSet<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] parts = copies.get(i).split("\\s+");
            assertThat(parts[1]).as("%s COPY number %d of the layers", DOCKERFILE, i + 1)
                    .isEqualTo(layers + "/" + LAYERS.get(i) + "/");
            targets.add(parts[2].replaceAll("/+$", ""));
        }
        assertThat(targets).as("%s: every layer into one folder", DOCKERFILE).hasSize(1);
        List<String> entrypoint = dockerfile.entrypoint();
        int classpath = entrypoint.indexOf("-cp");
        assertThat(classpath).as("%s ENTRYPOINT: -cp <the layers' folder>", DOCKERFILE).isPositive();
        assertThat(entrypoint.get(classpath + 1)).as("%s ENTRYPOINT -cp", DOCKERFILE)
                .isEqualTo(targets.iterator().next());
    }

    @Test
    void theBuildContextHoldsWhatTheDockerfileCopies() throws IOException {
        List<String> rules = Files.readAllLines(DOCKERIGNORE).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (String copy : dockerfile.instructions("COPY")) {
            if (copy.startsWith("--from=")) {
                continue;
            }
            List<String> arguments = List.of(copy.split("\\s+"));
            for (String source : arguments.subList(0, arguments.size() - 1)) {
                assertThat(inBuildContext(rules, source)).as("%s COPY %s: %s leaves %s out of the build context",
                        DOCKERFILE, copy, DOCKERIGNORE, source).isTrue();
            }
        }
    }

    @Test
    void theKustomizationListsFilesThatExistAndNamesTheDeploymentsImage() {
        Node kustomization = manifest("Kustomization");
        for (Node resource : kustomization.get("resources").list()) {
            assertThat(KUBERNETES.resolve(resource.text())).as("%s", resource.where()).isRegularFile();
        }
        String image = gatewayContainer().get("image").text();
        kustomization.find("images").ifPresent(images -> images.list().forEach(entry ->
                assertThat(image).as("%s.name: the Deployment's image is %s", entry.where(), image)
                        .startsWith(entry.get("name").text() + ":")));
    }

    // --- reading the files

    private static Node manifest(String kind) {
        Node manifest = manifests.get(kind);
        assertThat(manifest).as("no %s in %s", kind, KUBERNETES).isNotNull();
        return manifest;
    }

    private static Node gatewayContainer() {
        return manifest("Deployment").get("spec", "template", "spec", "containers").list().stream()
                .filter(container -> container.get("name").text().equals(CONTAINER)).findFirst()
                .orElseGet(() -> fail("%s has no container named %s", manifest("Deployment").file(), CONTAINER));
    }

    private static Map<String, String> env(Node container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.find("env").ifPresent(list -> list.list().forEach(variable ->
                variable.find("value").ifPresent(value -> env.put(variable.get("name").text(), value.text()))));
        return env;
    }

    /** The container's mountPath of the one pod volume that {@code matches}. */
    private static String mountPathOf(Node container, Predicate<Node> matches) {
        List<String> volumes = manifest("Deployment").get("spec", "template", "spec", "volumes").list().stream()
                .filter(matches).map(volume -> volume.get("name").text()).toList();
        assertThat(volumes).as("%s: the pod's volume of that kind", manifest("Deployment").file()).hasSize(1);
        return container.get("volumeMounts").list().stream()
                .filter(mount -> mount.get("name").text().equals(volumes.get(0)))
                .map(mount -> mount.get("mountPath").text()).findFirst()
                .orElseGet(() -> fail("%s mounts no volume %s", container.where(), volumes.get(0)));
    }

    private static Set<String> secretKeys(Node name) {
        Node secret = manifest("Secret");
        assertThat(secret.get("metadata", "name").text()).as("%s: the Secret in %s is %s", name.where(), KUBERNETES,
                secret.get("metadata", "name").text()).isEqualTo(name.text());
        Set<String> keys = new TreeSet<>();
        secret.find("data").ifPresent(data -> keys.addAll(data.map().keySet()));
        secret.find("stringData").ifPresent(data -> keys.addAll(data.map().keySet()));
        return keys;
    }

    private static Set<String> configMapKeys(Node name) {
        Node configMap = manifest("ConfigMap");
        assertThat(configMap.get("metadata", "name").text()).as("%s: the ConfigMap in %s is %s", name.where(),
                KUBERNETES, configMap.get("metadata", "name").text()).isEqualTo(name.text());
        return new TreeSet<>(configMap.get("data").map().keySet());
    }

    /** A port given by number, or by the name of a container port. */
    private static int portNumber(Node port, Map<String, Integer> named) {
        if (port.value() instanceof Integer number) {
            return number;
        }
        Integer number = named.get(port.text());
        assertThat(number).as("%s: %s names no port of container %s (%s)", port.where(), port.text(), CONTAINER,
                named.keySet()).isNotNull();
        return number;
    }

    /** How long a preStop hook sleeps: {@code exec: {command: [sleep, N]}} or {@code sleep: {seconds: N}}. */
    private static int sleepSeconds(Node preStop) {
        Optional<Node> sleep = preStop.find("sleep", "seconds");
        if (sleep.isPresent()) {
            return sleep.get().integer();
        }
        List<Node> command = preStop.get("exec", "command").list();
        assertThat(command.get(0).text()).as("%s: a sleep of a few seconds", preStop.where()).isEqualTo("sleep");
        return Integer.parseInt(command.get(1).text());
    }

    /** Each {@code ${name}} of a YAML text outside its comment lines, with its default ({@code null}: none). */
    private static Map<String, String> placeholders(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(text.lines().filter(line -> !line.strip().startsWith("#"))
                .reduce("", (all, line) -> all + line + "\n"));
        while (matcher.find()) {
            found.put(matcher.group(1).strip(), matcher.group(2) == null ? null : matcher.group(2).substring(1));
        }
        return found;
    }

    /** .dockerignore as this project writes it: plain paths and {@code *}, the last matching rule wins. */
    private static boolean inBuildContext(List<String> rules, String source) {
        String path = source.replaceAll("^\\./", "").replaceAll("/+$", "");
        boolean included = true;
        for (String rule : rules) {
            boolean exception = rule.startsWith("!");
            String pattern = (exception ? rule.substring(1) : rule).replaceAll("/+$", "");
            if (pattern.equals("*") || path.equals(pattern) || path.startsWith(pattern + "/")) {
                included = exception;
            }
        }
        return included;
    }

    /** A JVM size: 256m, 1g, 524288k, bytes. */
    private static long jvmBytes(String size) {
        Matcher matcher = Pattern.compile("(\\d+)([kmgt]?)").matcher(size.toLowerCase(Locale.ROOT));
        assertThat(matcher.matches()).as("%s: %s is not a JVM size", JVM_OPTIONS, size).isTrue();
        long units = switch (matcher.group(2)) {
            case "k" -> 1024L;
            case "m" -> MIB;
            case "g" -> 1024 * MIB;
            case "t" -> 1024 * 1024 * MIB;
            default -> 1L;
        };
        return Long.parseLong(matcher.group(1)) * units;
    }

    /** A Kubernetes memory quantity: 512Mi, 1Gi, 600M, bytes. */
    private static long kubernetesBytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?").matcher(quantity);
        assertThat(matcher.matches()).as("%s is not a Kubernetes memory quantity this test reads", quantity).isTrue();
        long units = matcher.group(2) == null ? 1L : switch (matcher.group(2)) {
            case "Ki" -> 1024L;
            case "Mi" -> MIB;
            case "Gi" -> 1024 * MIB;
            case "Ti" -> 1024 * 1024 * MIB;
            case "k" -> 1000L;
            case "M" -> 1000_000L;
            case "G" -> 1000_000_000L;
            default -> 1000_000_000_000L;
        };
        return Long.parseLong(matcher.group(1)) * units;
    }

    /** A place in a YAML tree, named by its file and key path for the failure messages. */
    private record Node(String file, String path, Object value) {

        static Node of(String file, Object document) {
            return new Node(file, "", document);
        }

        String where() {
            return file + (path.isEmpty() ? "" : " " + path);
        }

        Node get(String... keys) {
            Node node = this;
            for (String key : keys) {
                Node parent = node;
                node = parent.child(key).orElseGet(() -> fail("%s has no %s", parent.where(), key));
            }
            return node;
        }

        Optional<Node> find(String... keys) {
            Optional<Node> node = Optional.of(this);
            for (String key : keys) {
                node = node.flatMap(parent -> parent.child(key));
            }
            return node;
        }

        private Optional<Node> child(String key) {
            if (value instanceof Map<?, ?> map && map.containsKey(key)) {
                return Optional.of(new Node(file, path.isEmpty() ? key : path + "." + key, map.get(key)));
            }
            return Optional.empty();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            assertThat(value).as("%s: a map", where()).isInstanceOf(Map.class);
            return (Map<String, Object>) value;
        }

        List<Node> list() {
            assertThat(value).as("%s: a list", where()).isInstanceOf(List.class);
            List<Node> items = new ArrayList<>();
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                String label = item instanceof Map<?, ?> map && map.get("name") != null ? "name=" + map.get("name")
                        : String.valueOf(i);
                items.add(new Node(file, path + "[" + label + "]", item));
            }
            return items;
        }

        String text() {
            assertThat(value).as("%s", where()).isNotNull();
            return String.valueOf(value);
        }

        int integer() {
            assertThat(value).as("%s: a whole number", where()).isInstanceOf(Integer.class);
            return (Integer) value;
        }

        /** This node and every map below it, depth first. */
        void walk(Consumer<Node> visit) {
            if (value instanceof Map<?, ?> map) {
                visit.accept(this);
                map.keySet().forEach(key -> child(String.valueOf(key)).ifPresent(child -> child.walk(visit)));
            } else if (value instanceof List<?>) {
                list().forEach(item -> item.walk(visit));
            }
        }
    }

    /** The Dockerfile's instructions (continuation lines joined, comments dropped), in order, by stage. */
    private record Dockerfile(List<String[]> instructions) {

        static Dockerfile read(Path file) throws IOException {
            List<String[]> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                String stripped = line.strip();
                if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                    continue;
                }
                boolean continues = stripped.endsWith("\\");
                current.append(continues ? stripped.substring(0, stripped.length() - 1) : stripped).append(' ');
                if (!continues) {
                    String instruction = current.toString().strip();
                    int space = instruction.indexOf(' ');
                    instructions.add(new String[] {instruction.substring(0, space).toUpperCase(Locale.ROOT),
                            instruction.substring(space + 1).strip().replaceAll("\\s+", " ")});
                    current.setLength(0);
                }
            }
            return new Dockerfile(instructions);
        }

        /** The arguments of every instruction of this name, all stages. */
        List<String> instructions(String name) {
            return instructions.stream().filter(i -> i[0].equals(name)).map(i -> i[1]).toList();
        }

        /** The arguments of every instruction of this name in the last stage: the image that runs. */
        List<String> finalStage(String name) {
            int from = 0;
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i)[0].equals("FROM")) {
                    from = i;
                }
            }
            return instructions.subList(from, instructions.size()).stream().filter(i -> i[0].equals(name))
                    .map(i -> i[1]).toList();
        }

        String workdir() {
            return finalStage("WORKDIR").stream().reduce((first, second) -> second)
                    .orElseGet(() -> fail("%s sets no WORKDIR in its last stage", DOCKERFILE));
        }

        /** ENV of the last stage, {@code KEY=value} pairs. */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            for (String arguments : finalStage("ENV")) {
                for (String pair : arguments.split(" ")) {
                    int equals = pair.indexOf('=');
                    assertThat(equals).as("%s ENV %s: write KEY=value pairs", DOCKERFILE, arguments).isPositive();
                    env.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
            return env;
        }

        /** ENTRYPOINT in exec form (a JSON array); empty in shell form. */
        List<String> entrypoint() {
            String entrypoint = finalStage("ENTRYPOINT").stream().reduce((first, second) -> second)
                    .orElseGet(() -> fail("%s has no ENTRYPOINT", DOCKERFILE));
            if (!entrypoint.startsWith("[")) {
                return List.of();
            }
            List<?> arguments = new Yaml().load(entrypoint); // JSON is YAML
            return arguments.stream().map(String::valueOf).toList();
        }
    }
}
