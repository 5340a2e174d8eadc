# syntax=docker/dockerfile:1
# The production image of returns-gateway: the layered Spring Boot jar, run with the JVM settings the gateway ships
# with (config/jvm.options), as a non-root user, profile prod. Build: docker build -t returns-gateway .
# Secrets are not in the image: mount them as files (configtree, below) or pass them as environment variables.

# --- build: the jar, then its layers (dependencies change less often than the application, so they cache apart)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/main/ src/main/
# the Maven repository and the wrapper's Maven stay in a build cache between builds (BuildKit)
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -ntp -DskipTests package
RUN java -Djarmode=tools -jar target/returns-gateway-*.jar extract --layers --launcher --destination /layers

# --- run
FROM eclipse-temurin:17-jre
# a fixed uid/gid, so Kubernetes' runAsNonRoot can check it and mounted files can be granted to it; it owns nothing in
# the image: all it writes is /tmp (PDFBox's font cache, Tomcat's work folder)
RUN groupadd --gid 10001 gateway \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin gateway

# the program, one layer each, least often changed first; owned by root, read-only to the gateway. Apart from the
# working folder, so that /app is not on the class path (Spring Boot would read config/ a second time as classpath:)
COPY --from=build /layers/dependencies/ /opt/returns-gateway/
COPY --from=build /layers/spring-boot-loader/ /opt/returns-gateway/
COPY --from=build /layers/snapshot-dependencies/ /opt/returns-gateway/
COPY --from=build /layers/application/ /opt/returns-gateway/

# The working folder: the gateway reads routes/*.camel.yaml and ./config/ (application.yaml, the profile files, and
# ./config/*/ sub-folders: Kubernetes mounts its ConfigMap at /app/config/k8s/) relative to it. What production
# needs only: no sandbox or simulators profile, no sandbox seeds, no Grafana dashboard. Fonts come from the jar.
WORKDIR /app
COPY routes/ routes/
COPY config/application.yaml config/application-prod.yaml config/jvm.options config/
COPY config/templates/ config/templates/

# Secrets as files, one per property or ${...} variable (README "Secrets layout"); optional, so environment
# variables alone work too. Production refuses to start on a missing secret.
ENV SPRING_PROFILES_ACTIVE=prod \
    SPRING_CONFIG_IMPORT=optional:configtree:/run/secrets/returns-gateway/
# glibc gives each thread that allocates its own memory arena (64 MB of address space, some of it resident): two keep
# the C heap small next to the JVM's own limits in config/jvm.options
ENV MALLOC_ARENA_MAX=2

USER 10001:10001
EXPOSE 8080
# No HEALTHCHECK: the JRE image has no curl or wget; Kubernetes probes /actuator/health/liveness and /readiness.
# Exec form, so java is process 1 and gets SIGTERM itself: graceful shutdown (config/application.yaml) lets the
# requests in flight and the cases being worked finish.
ENTRYPOINT ["java", "@/app/config/jvm.options", "-Dpdfbox.fontcache=/tmp/pdfbox-fontcache", \
            "-cp", "/opt/returns-gateway", "org.springframework.boot.loader.launch.JarLauncher"]
