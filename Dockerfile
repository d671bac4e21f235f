# The Kasparro image: `docker run -p 8080:8080 IMAGE` serves the API and the schedules on an embedded
# PostgreSQL with the bundled sample data; give it SPRING_DATASOURCE_URL (or DATABASE_URL) to use a
# server instead. Any command of the jar works as arguments: `docker run IMAGE run-once --source=csv`.
ARG JDK_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${JDK_IMAGE} AS build
WORKDIR /src
# Dependencies first: this layer is rebuilt only when the build definition changes.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q -Dmaven.repo.local=/src/.m2 dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -o -Dmaven.repo.local=/src/.m2 package -DskipTests -Dspotless.check.skip=true \
 && mkdir /extracted \
 && java -Djarmode=tools -jar target/kasparro-*.jar extract --layers --launcher --destination /extracted

FROM ${JRE_IMAGE}
ARG UID=10001
RUN groupadd --gid "${UID}" kasparro \
 && useradd --uid "${UID}" --gid kasparro --home-dir /app --no-create-home --shell /usr/sbin/nologin kasparro
WORKDIR /app
# Spring Boot's layers, least often changed first: a code change rebuilds only the last one.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY sample-data/ sample-data/
# data/ holds the embedded PostgreSQL's files; mount a volume there to keep them.
RUN mkdir -p data && chown kasparro:kasparro data
USER ${UID}:${UID}
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/live || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
CMD ["serve"]
