package io.kasparro.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests in deploy/kubernetes, built by kustomize as {@code kubectl apply -k} builds them,
 * and every object read strictly against the Kubernetes API types: an unknown or misspelt field, or
 * a value of the wrong type, fails the test.
 */
class KubernetesManifestsTest {

  private static final Map<String, Class<? extends HasMetadata>> TYPES =
      Map.of(
          "v1/ConfigMap", ConfigMap.class,
          "v1/Service", Service.class,
          "apps/v1/Deployment", Deployment.class,
          "batch/v1/CronJob", CronJob.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static List<HasMetadata> objects;

  @BeforeAll
  static void build() throws Exception {
    Process kustomize =
        new ProcessBuilder("kubectl", "kustomize", Path.of("deploy", "kubernetes").toString())
            .redirectErrorStream(true)
            .start();
    String yaml = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(kustomize.exitValue()).as("kubectl kustomize: %s", yaml).isZero();
    objects = new ArrayList<>();
    YAMLMapper yamlMapper = new YAMLMapper(new YAMLFactory());
    for (JsonNode document :
        yamlMapper.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
      objects.add(strict(document));
    }
  }

  private static HasMetadata strict(JsonNode document) throws IOException {
    String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    Class<? extends HasMetadata> javaType = TYPES.get(type);
    assertThat(javaType).as("an object of an unexpected type: %s", type).isNotNull();
    HasMetadata object = STRICT.treeToValue(document, javaType);
    List<String> unknown = new ArrayList<>();
    collectUnknownFields(object, type, unknown, new IdentityHashMap<>());
    assertThat(unknown).as("fields the Kubernetes API does not know").isEmpty();
    return object;
  }

  /** fabric8 keeps fields it does not know in additionalProperties instead of failing. */
  private static void collectUnknownFields(
      Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
    if (value == null || seen.put(value, true) != null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown, seen));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getName().equals("getClass")) {
        continue;
      }
      Object field;
      try {
        field = getter.invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> unknown.add(path + "." + k));
        }
      } else {
        collectUnknownFields(field, path + "." + getter.getName().substring(3), unknown, seen);
      }
    }
  }

  private static <T extends HasMetadata> T the(Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as(type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  @Test
  void theApiRunsTwoNonRootReplicasOnAReadOnlyFilesystemWithProbesAndResources() {
    Deployment api = the(Deployment.class);
    assertThat(api.getSpec().getReplicas()).isEqualTo(2);
    PodSpec pod = api.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);
    assertThat(container.getArgs()).containsExactly("serve");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKey("memory");
    assertNonRootAndReadOnly(pod, container);
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(30L);
    assertThat(api.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "8080")
        .containsEntry("prometheus.io/path", "/metrics");
  }

  @Test
  void theApiPodsLeaveSchedulingToTheCronJob() {
    Map<String, String> settings = the(ConfigMap.class).getData();
    assertThat(settings)
        .containsEntry("DB_SCHEDULER_ENABLED", "false")
        .containsEntry("KASPARRO_SCHEDULING_RUN_AT_STARTUP", "false");
    for (PodSpec pod : pods()) {
      assertThat(pod.getContainers().get(0).getEnvFrom())
          .anySatisfy(
              from ->
                  assertThat(from.getConfigMapRef().getName())
                      .isEqualTo(the(ConfigMap.class).getMetadata().getName()));
    }
  }

  @Test
  void theEtlIsACronJobOfRunOnceThatNeverOverlapsItself() {
    CronJob etl = the(CronJob.class);
    assertThat(etl.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    assertThat(etl.getSpec().getSchedule()).isNotBlank();
    PodSpec pod = etl.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    Container container = pod.getContainers().get(0);
    assertThat(container.getArgs()).containsExactly("run-once");
    assertNonRootAndReadOnly(pod, container);
  }

  @Test
  void theServiceAndTheDisruptionBudgetSelectTheApiPods() {
    Map<String, String> podLabels =
        the(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();
    assertThat(podLabels).containsAllEntriesOf(the(Service.class).getSpec().getSelector());
    PodDisruptionBudget budget = the(PodDisruptionBudget.class);
    assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
  }

  @Test
  void secretsAreReferencedButNoneIsCommitted() {
    assertThat(objects).noneMatch(o -> o.getKind().equals("Secret"));
    Set<String> secretEnv =
        pods().stream()
            .flatMap(pod -> pod.getContainers().get(0).getEnv().stream())
            .filter(env -> env.getValueFrom() != null)
            .map(EnvVar::getName)
            .collect(Collectors.toSet());
    assertThat(secretEnv).contains("SPRING_DATASOURCE_PASSWORD", "KASPARRO_API_KEY");
    pods().stream()
        .flatMap(pod -> pod.getContainers().get(0).getEnv().stream())
        .forEach(env -> assertThat(env.getValue()).as(env.getName()).isNull());
    assertThat(the(ConfigMap.class).getData().keySet())
        .noneMatch(key -> key.contains("PASSWORD") || key.contains("KEY"));
  }

  private static List<PodSpec> pods() {
    return List.of(
        the(Deployment.class).getSpec().getTemplate().getSpec(),
        the(CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
  }

  private static void assertNonRootAndReadOnly(PodSpec pod, Container container) {
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getVolumeMounts())
        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
  }
}
