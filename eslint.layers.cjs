'use strict';
/**
 * The layers of src/ and what each may import (docs/architecture.md). Read by eslint.config.mjs
 * and by the architecture test, so the rule and its proof cannot drift apart.
 *
 * domain <- answers <- ports <- services <- commands <- faces (slack, console, cli, jobs, api)
 * Adapters (store, sources, charts, llm, spill, scheduler, auth, email) implement ports; only composition.ts and
 * main.ts (the roots) pick them. cli is an entry point too: it opens the core and starts the console.
 */
const LAYERS = {
  domain: [],
  answers: ['domain'],
  ports: ['domain', 'answers'],
  config: ['domain', 'ports'],
  services: ['domain', 'answers', 'ports'],
  commands: ['domain', 'answers', 'ports', 'services'],
  store: ['domain', 'ports'],
  sources: ['domain', 'ports'],
  spill: ['domain', 'ports'],
  scheduler: ['domain', 'ports'],
  charts: ['domain', 'answers', 'ports'],
  llm: ['domain', 'ports'],
  jobs: ['domain', 'answers', 'ports', 'services'],
  console: ['domain', 'answers', 'ports', 'commands'],
  slack: ['domain', 'answers', 'ports', 'services', 'commands', 'config'],
  auth: ['domain', 'ports'],
  email: ['domain', 'answers', 'ports'],
  api: ['domain', 'answers', 'ports', 'services'],
  cli: ['domain', 'answers', 'ports', 'services', 'commands', 'config', 'console', 'composition'],
  composition: ['domain', 'answers', 'ports', 'services', 'commands', 'config', 'store', 'sources', 'spill', 'scheduler', 'charts', 'auth', 'email', 'llm'],
  main: ['domain', 'answers', 'ports', 'services', 'commands', 'config', 'composition', 'jobs', 'slack', 'api'],
};

/** Layers that are single files at the top of src/ rather than folders. */
const ROOT_FILES = ['composition', 'main'];

/** Driver and cloud packages: adapters only. */
const SDKS = ['mongoose', 'mongodb', 'mongodb-memory-server', 'agenda', '@agendajs/*', '@slack/*', '@aws-sdk/*', '@google-cloud/*', '@azure/*', 'openai', 'quickchart-js', 'chart.js', '@napi-rs/*', 'jose', 'nodemailer'];

/** Packages each layer may use beyond node built-ins and small pure libraries. */
const PACKAGES = {
  store: ['mongoose', 'mongodb', 'mongodb-memory-server'],
  scheduler: ['agenda', '@agendajs/*', 'mongodb'],
  sources: ['@aws-sdk/*', '@google-cloud/*', '@azure/*'],
  charts: ['quickchart-js', 'chart.js', '@napi-rs/*'],
  llm: ['openai'],
  slack: ['@slack/*'],
  auth: ['jose'],
  email: ['nodemailer'],
};

function forbiddenFor(layer) {
  const allowed = new Set([layer, ...LAYERS[layer]]);
  const folders = Object.keys(LAYERS).filter((other) => !allowed.has(other));
  const packages = SDKS.filter((pkg) => !(PACKAGES[layer] ?? []).includes(pkg));
  return { folders, packages };
}

module.exports = { LAYERS, ROOT_FILES, SDKS, forbiddenFor };
