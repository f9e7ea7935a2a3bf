/** The projects registry. */
import type { Project } from '../domain/project';

export interface ProjectRepository {
  /** All projects, in no particular order. */
  list(): Promise<Project[]>;
  /** By name, regardless of case. */
  get(name: string): Promise<Project | undefined>;
  /** Adds a new one; throws AppError ALREADY_EXISTS when the name is taken (any case). */
  create(project: Project): Promise<void>;
  /** Replaces an existing one; false when there is none of that name. */
  replace(project: Project): Promise<boolean>;
  /** False when there was none of that name. */
  remove(name: string): Promise<boolean>;
}
