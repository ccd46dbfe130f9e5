// Checks the Kubernetes manifests in k8s/ (run by the Maven module `deploy` in the test phase: node validate.mjs).
//
// 1. Schema: every object against the Kubernetes OpenAPI schema, through the models the npm package
//    kubernetes-models generates from it (types, required fields, formats). Those schemas allow fields they do not
//    declare, which kubectl's strict field validation refuses, so every field is also probed: its value is replaced
//    by a Symbol, a value no schema type accepts; a declared field then fails at that path, an unknown one does not.
// 2. Serambi's own rules: probes on the management port and the health paths that application.properties gives,
//    every setting production requires set from the ConfigMap or the Secret (the secret ones from the Secret),
//    the selectors of the Service, the PodDisruptionBudget and the HPA matching the Deployment, replicas >= 2,
//    maxUnavailable 0, non-root, a read-only root file system with /tmp writable, the JVM flags and the heap inside
//    the memory limit, the kustomization listing every manifest but the Secret template.
// 3. Each fixture in test/ breaks the manifests one way (its `set` / `delete` edits); the check must reject it with
//    the message it `expect`s. A fixture that passes fails the run: the check can fail.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const k8sDir = join(here, "k8s");
const SECRET_TEMPLATE = "secret.template.yaml";

// --- What the app says about itself ---

/** application.properties' values for production: lines of a %profile are left out. */
function appProperties() {
  const props = {};
  const text = readFileSync(join(root, "backend/src/main/resources/application.properties"), "utf8");
  for (const line of text.split("\n")) {
    const m = line.match(/^\s*([^#!%\s][^=]*?)\s*=\s*(.*)$/);
    if (m) props[m[1]] = m[2].trim();
  }
  return props;
}

const props = appProperties();
if (props["quarkus.management.enabled"] !== "true") {
  throw new Error("application.properties: quarkus.management.enabled is not true; the probes' rule needs updating");
}
const HTTP_PORT = Number(props["quarkus.http.port"] ?? 8080);
const MANAGEMENT_PORT = Number(props["quarkus.management.port"] ?? 9000); // Quarkus' default
const HEALTH_ROOT = "/" + (props["quarkus.http.non-application-root-path"] ?? "q").replace(/^\//, "") + "/"
  + (props["quarkus.smallrye-health.root-path"] ?? "health");
const PROBE_PATHS = {
  startupProbe: `${HEALTH_ROOT}/started`,
  readinessProbe: `${HEALTH_ROOT}/ready`,
  livenessProbe: `${HEALTH_ROOT}/live`,
};

/** Settings production does not start without (common/ProductionSettings, README "Configuration"). */
const SECRET_ENV = ["QUARKUS_DATASOURCE_PASSWORD", "SERAMBI_JWT_KEY_ENCRYPTION_KEY", "SERAMBI_SURVEYS_FORM_SECRET"];
const REQUIRED_ENV = new Set([
  "SERAMBI_PUBLIC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
  "QUARKUS_DATASOURCE_USERNAME", ...SECRET_ENV,
]);
// ... and any row README's Configuration table marks **required**, so a new one is checked here once documented.
for (const line of readFileSync(join(root, "README.md"), "utf8").split("\n")) {
  if (/^\|\s*`[A-Z0-9_]+`/.test(line) && /\*\*required\*\*/.test(line.split("|")[2] ?? "")) {
    REQUIRED_ENV.add(line.match(/`([A-Z0-9_]+)`/)[1]);
  }
}
/** README "Running the packaged app". */
const JVM_FLAGS = ["-XX:+UseSerialGC", "-Xms64m"];

// --- Loading ---

function loadManifests() {
  const files = readdirSync(k8sDir).filter((f) => f.endsWith(".yaml")).sort();
  const docs = [];
  let kustomization = null;
  for (const file of files) {
    const text = readFileSync(join(k8sDir, file), "utf8");
    if (file === "kustomization.yaml") {
      kustomization = parse(text);
      continue;
    }
    for (const d of parseAllDocuments(text)) {
      if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
      const obj = d.toJS();
      if (obj != null) docs.push({ file, obj });
    }
  }
  return { files, docs, kustomization };
}

const modelCache = new Map();
async function modelClass(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!modelCache.has(key)) {
    let cls = null;
    try {
      // "apps/v1" -> kubernetes-models/apps/v1/Deployment; the core group's "v1" -> kubernetes-models/v1/ConfigMap
      cls = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind] ?? null;
    } catch {
      cls = null;
    }
    modelCache.set(key, cls);
  }
  return modelCache.get(key);
}

// --- 1. Schema ---

function schemaErrors(Cls, obj) {
  try {
    new Cls(obj).validate();
    return [];
  } catch (e) {
    if (!e.errors) throw e;
    return e.errors;
  }
}

const pointer = (path) => path.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");

/** Paths of fields the schema does not declare (see the top of the file). */
function unknownFields(Cls, obj) {
  const unknown = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const key of Object.keys(node)) {
      if (path.length === 0 && (key === "apiVersion" || key === "kind")) continue;
      const saved = node[key];
      node[key] = Symbol("probe");
      const at = pointer([...path, key]);
      const caught = schemaErrors(Cls, obj).some((e) => e.instancePath === at);
      node[key] = saved;
      if (!caught) unknown.push(at.slice(1).replace(/\//g, "."));
      else walk(saved, [...path, key]);
    }
  };
  walk(obj, []);
  return unknown;
}

// --- 2. Serambi's rules ---

const find = (docs, kind, name) => docs.find((d) => d.obj.kind === kind && (!name || d.obj.metadata?.name === name));
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v)
  && Object.keys(selector ?? {}).length > 0;
/** A Kubernetes memory quantity (512Mi, 1Gi, 1G) in bytes; NaN for anything else. */
const quantityBytes = (q) => {
  const m = String(q).match(/^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, M: 1e6, G: 1e9 };
  return m ? Number(m[1]) * (m[2] ? unit[m[2]] : 1) : NaN;
};
/** A JVM size (-Xmx512m, 1g, 1024k) in bytes: binary units, either case. */
const jvmBytes = (s) => {
  const m = String(s).match(/^(\d+)([kKmMgG])?$/);
  return m ? Number(m[1]) * 1024 ** ({ k: 1, m: 2, g: 3 }[m[2]?.toLowerCase()] ?? 0) : NaN;
};

function serambiErrors(docs, kustomization, files) {
  const errors = [];
  const fail = (msg) => errors.push(msg);
  const deployment = find(docs, "Deployment")?.obj;
  if (!deployment) return ["no Deployment"];
  const spec = deployment.spec ?? {};
  const pod = spec.template?.spec ?? {};
  const podLabels = spec.template?.metadata?.labels;
  const api = (pod.containers ?? [])[0];
  if (!api) return ["the Deployment has no container"];

  if (!(spec.replicas >= 2)) fail(`Deployment replicas must be at least 2, not ${spec.replicas}`);
  if (spec.strategy?.type !== "RollingUpdate" || spec.strategy?.rollingUpdate?.maxUnavailable !== 0) {
    fail("Deployment strategy must be RollingUpdate with maxUnavailable 0");
  }
  if (!(pod.topologySpreadConstraints ?? []).some((c) => c.topologyKey === "kubernetes.io/hostname"
      && matches(c.labelSelector?.matchLabels, podLabels))) {
    fail("the pods must be spread across nodes (topologySpreadConstraints on kubernetes.io/hostname)");
  }

  // Ports and probes
  const portOf = (p) => (typeof p === "number" ? p : (api.ports ?? []).find((cp) => cp.name === p)?.containerPort);
  const declared = (api.ports ?? []).map((p) => p.containerPort);
  if (!declared.includes(HTTP_PORT)) fail(`the container must declare the HTTP port ${HTTP_PORT}`);
  if (!declared.includes(MANAGEMENT_PORT)) fail(`the container must declare the management port ${MANAGEMENT_PORT}`);
  for (const [probe, path] of Object.entries(PROBE_PATHS)) {
    const get = api[probe]?.httpGet;
    if (!get) {
      fail(`${probe}: missing (an httpGet on ${path})`);
      continue;
    }
    const port = portOf(get.port);
    if (port !== MANAGEMENT_PORT) {
      fail(`${probe}: port ${get.port} is ${port ?? "no declared port"}, not the management port ${MANAGEMENT_PORT} `
        + "(quarkus.management.*)");
    }
    if (get.path !== path) fail(`${probe}: path ${get.path}, not ${path}`);
  }

  // Settings: every required one from the ConfigMap or the Secret the container takes its env from
  const config = docs.find((d) => d.obj.kind === "ConfigMap"
    && (api.envFrom ?? []).some((e) => e.configMapRef?.name === d.obj.metadata.name))?.obj;
  const secret = docs.find((d) => d.obj.kind === "Secret"
    && (api.envFrom ?? []).some((e) => e.secretRef?.name === d.obj.metadata.name))?.obj;
  if (!config) fail("the container must take its settings from a ConfigMap in k8s/ (envFrom configMapRef)");
  if (!secret) fail("the container must take its secrets from the Secret of k8s/secret.template.yaml (envFrom secretRef)");
  const fromConfig = config?.data ?? {};
  const fromSecret = { ...(secret?.data ?? {}), ...(secret?.stringData ?? {}) };
  const direct = Object.fromEntries((api.env ?? []).map((e) => [e.name, e]));
  for (const name of REQUIRED_ENV) {
    const value = fromSecret[name] ?? fromConfig[name] ?? direct[name]?.value ?? (direct[name]?.valueFrom ? "ref" : undefined);
    if (value === undefined || value === "") fail(`required setting ${name} is not set (ConfigMap or Secret)`);
  }
  for (const name of SECRET_ENV) {
    if (name in fromConfig || direct[name]?.value !== undefined) fail(`${name} is a secret: it belongs in the Secret`);
  }
  for (const [name, value] of Object.entries(fromSecret)) {
    if (/KEY|SECRET|PASSWORD/.test(name) && value !== "" && !/REPLACE_ME/.test(value)) {
      fail(`${SECRET_TEMPLATE}: ${name} must be a REPLACE_ME placeholder, never a real value`);
    }
  }
  if ((fromConfig.SERAMBI_DEMO_ENABLED ?? "false") !== "false") fail("SERAMBI_DEMO_ENABLED must be false in production");

  // Security and writable paths
  const podSec = pod.securityContext ?? {};
  const sec = api.securityContext ?? {};
  if (!(podSec.runAsNonRoot || sec.runAsNonRoot)) fail("the pod must run as non-root (runAsNonRoot)");
  if (sec.allowPrivilegeEscalation !== false) fail("allowPrivilegeEscalation must be false");
  if (sec.readOnlyRootFilesystem !== true) fail("readOnlyRootFilesystem must be true");
  const mounts = (api.volumeMounts ?? []).map((m) => m.mountPath);
  for (const path of ["/tmp", fromConfig.SERAMBI_MEDIA_DIRECTORY ?? "(SERAMBI_MEDIA_DIRECTORY unset)"]) {
    if (!mounts.includes(path)) fail(`${path} must be a writable volume (the root file system is read-only)`);
  }

  // JVM flags and memory
  const command = [...(api.command ?? []), ...(api.args ?? [])];
  for (const flag of JVM_FLAGS) if (!command.includes(flag)) fail(`the JVM flags must include ${flag}`);
  const xmx = command.find((a) => /^-Xmx/.test(a));
  const limit = quantityBytes(api.resources?.limits?.memory);
  const request = quantityBytes(api.resources?.requests?.memory);
  if (!xmx) fail("the JVM flags must bound the heap (-Xmx)");
  if (!(limit > 0) || !(request > 0)) fail("the container needs memory requests and limits");
  // ~190 MB beyond the heap at idle (B5); 256 MiB is the least headroom between -Xmx and the limit.
  if (xmx && limit > 0 && !(jvmBytes(xmx.slice(4)) + 256 * 2 ** 20 <= limit)) {
    fail(`${xmx} leaves under 256 MiB below the memory limit ${api.resources.limits.memory} for the non-heap memory`);
  }
  if (!api.resources?.requests?.cpu) fail("the container needs a cpu request (the HPA's base)");

  // The other objects point at the Deployment's pods
  const service = find(docs, "Service")?.obj;
  if (!service || !matches(service.spec?.selector, podLabels)) fail("the Service must select the Deployment's pods");
  for (const p of service?.spec?.ports ?? []) {
    if (portOf(p.targetPort ?? p.port) !== HTTP_PORT) {
      fail(`the Service must expose only the HTTP port, not ${p.targetPort ?? p.port} (the management port stays private)`);
    }
  }
  const pdb = find(docs, "PodDisruptionBudget")?.obj;
  if (!pdb || !matches(pdb.spec?.selector?.matchLabels, podLabels)) fail("the PodDisruptionBudget must select the Deployment's pods");
  if (pdb && !(pdb.spec.minAvailable === 1 || pdb.spec.maxUnavailable === 1)) fail("the PodDisruptionBudget must keep one pod (minAvailable 1 or maxUnavailable 1)");
  const hpa = find(docs, "HorizontalPodAutoscaler")?.obj;
  if (hpa && (hpa.spec.scaleTargetRef?.name !== deployment.metadata.name || !(hpa.spec.minReplicas >= 2))) {
    fail("the HPA must scale the Deployment, from at least 2 replicas");
  }
  for (const v of pod.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (claim && !find(docs, "PersistentVolumeClaim", claim)) fail(`volume ${v.name}: no PersistentVolumeClaim ${claim}`);
  }

  // kustomize applies every manifest but the Secret template
  const listed = kustomization?.resources ?? [];
  for (const f of files) {
    if (f === "kustomization.yaml") continue;
    if (f === SECRET_TEMPLATE ? listed.includes(f) : !listed.includes(f)) {
      fail(f === SECRET_TEMPLATE ? `kustomization.yaml must not list ${f} (placeholders)` : `kustomization.yaml must list ${f}`);
    }
  }
  for (const f of listed) if (!files.includes(f)) fail(`kustomization.yaml lists ${f}, which does not exist`);
  return errors;
}

// --- Running it ---

async function check({ docs, kustomization, files }) {
  const errors = [];
  for (const { file, obj } of docs) {
    const where = `${file} ${obj?.kind}/${obj?.metadata?.name}`;
    const Cls = obj?.apiVersion && obj?.kind ? await modelClass(obj.apiVersion, obj.kind) : null;
    if (!Cls) {
      errors.push(`${where}: unknown apiVersion/kind ${obj?.apiVersion} ${obj?.kind}`);
      continue;
    }
    const schema = schemaErrors(Cls, obj);
    if (schema.length) {
      errors.push(...schema.map((e) => `${where}: ${e.instancePath || "/"} ${e.message}`));
      continue; // the probes need an otherwise valid object
    }
    errors.push(...unknownFields(Cls, obj).map((p) => `${where}: unknown field ${p}`));
  }
  errors.push(...serambiErrors(docs, kustomization, files));
  return errors;
}

/** A fixture's edits: `set` and `delete` dotted paths (numbers index lists) in the object of `kind` (and `name`). */
function applyFixture(manifests, fixture) {
  const copy = structuredClone(manifests);
  const target = copy.docs.find((d) => d.obj.kind === fixture.kind && (!fixture.name || d.obj.metadata?.name === fixture.name));
  if (!target) throw new Error(`no ${fixture.kind} ${fixture.name ?? ""} to break`);
  const walk = (path) => {
    const keys = path.split(".");
    const last = keys.pop();
    let node = target.obj;
    for (const k of keys) {
      node = node?.[k];
      if (node == null) throw new Error(`${fixture.kind}: no ${path}`);
    }
    return [node, last];
  };
  for (const [path, value] of Object.entries(fixture.set ?? {})) {
    const [node, key] = walk(path);
    node[key] = value;
  }
  for (const path of fixture.delete ?? []) {
    const [node, key] = walk(path);
    if (!(key in node)) throw new Error(`${fixture.kind}: nothing to delete at ${path}`);
    delete node[key];
  }
  return copy;
}

const manifests = loadManifests();
let passed = 0;
let failed = 0;
const real = await check(manifests);
if (real.length) {
  failed++;
  console.error(`FAIL k8s/ manifests:\n  ${real.join("\n  ")}`);
} else {
  passed++;
  console.log(`ok   k8s/ manifests (${manifests.docs.length} objects) are valid`);
}
const testDir = join(here, "test");
for (const file of readdirSync(testDir).filter((f) => f.endsWith(".yaml")).sort()) {
  const fixture = parse(readFileSync(join(testDir, file), "utf8"));
  const errors = await check(applyFixture(manifests, fixture));
  const hit = errors.find((e) => e.includes(fixture.expect));
  if (hit) {
    passed++;
    console.log(`ok   test/${file} rejected: ${hit}`);
  } else {
    failed++;
    console.error(`FAIL test/${file} must be rejected with "${fixture.expect}", got: ${errors.length ? errors.join("; ") : "accepted"}`);
  }
}
console.log(`deploy: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
