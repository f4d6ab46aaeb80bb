# Runtime image of the one runnable. Build the jar first: mvn -B -ntp -DskipTests package
FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/compliance-streams compliance \
 && mkdir -p /var/lib/compliance-streams && chown compliance /var/lib/compliance-streams
COPY app/target/compliance-streams.jar /opt/compliance-streams/compliance-streams.jar
USER compliance
WORKDIR /var/lib/compliance-streams
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/compliance-streams/compliance-streams.jar"]
