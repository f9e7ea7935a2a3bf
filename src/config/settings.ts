/**
 * The one step every settings loader starts with. A variable set to an empty or blank value
 * (`CHART_RENDERER=` in an .env file) counts as unset, so its default applies.
 */
export function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** The environment without its empty variables. */
export function presentSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => isSet(value)));
}
