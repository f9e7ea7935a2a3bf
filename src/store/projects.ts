/**
 * Projects in MongoDB, one document per project under its lower-cased name (`_id`), so names
 * are unique regardless of case. A new project is a plain insert: the unique `_id` decides races.
 * Tags are kept as {k, v} pairs (FerretDB v1 takes no nested arrays, and keys may hold dots).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { AppError } from '../domain/errors';
import { projectKey, type Project } from '../domain/project';
import type { ProjectRepository } from '../ports/projects';

interface ProjectDoc {
  _id: string;
  name: string;
  owner: string;
  channel: string;
  accounts: string[];
  tags: { k: string; v: string }[];
  updatedBy: string;
  updatedAt: Date;
}

const projectSchema = new Schema<ProjectDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    owner: { type: String, required: true },
    channel: { type: String, required: true },
    accounts: { type: [String], default: [] },
    tags: { type: [{ _id: false, k: String, v: String }], default: [] },
    updatedBy: { type: String, default: '' },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'projects', autoIndex: false },
);

const MODEL = 'Project';

function toDoc(p: Project): ProjectDoc {
  return {
    _id: projectKey(p.name), name: p.name, owner: p.owner, channel: p.channel,
    accounts: [...p.match.accounts], tags: p.match.tags.map((t) => ({ k: t.key, v: t.value })), updatedBy: p.updatedBy, updatedAt: p.updatedAt,
  };
}

function toProject(d: ProjectDoc): Project {
  return {
    name: d.name, owner: d.owner, channel: d.channel,
    match: { accounts: [...(d.accounts ?? [])], tags: (d.tags ?? []).map((t) => ({ key: t.k, value: t.v })) },
    updatedBy: d.updatedBy ?? '', updatedAt: d.updatedAt,
  };
}

export class MongoProjects implements ProjectRepository {
  private readonly model: Model<ProjectDoc>;

  constructor(conn: Connection) {
    this.model = (conn.models[MODEL] as Model<ProjectDoc> | undefined) ?? conn.model<ProjectDoc>(MODEL, projectSchema);
  }

  async list(): Promise<Project[]> {
    return (await this.model.find({}).lean<ProjectDoc[]>()).map(toProject);
  }

  async get(name: string): Promise<Project | undefined> {
    const doc = await this.model.findById(projectKey(name)).lean<ProjectDoc>();
    return doc ? toProject(doc) : undefined;
  }

  async create(project: Project): Promise<void> {
    try {
      await this.model.collection.insertOne(toDoc(project) as never);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        throw new AppError('ALREADY_EXISTS', `There is already a project called "${project.name}". Change it instead, or pick another name.`, { cause: error });
      }
      throw error;
    }
  }

  async replace(project: Project): Promise<boolean> {
    const { _id, ...fields } = toDoc(project);
    const result = await this.model.updateOne({ _id }, { $set: fields });
    return result.matchedCount > 0;
  }

  async remove(name: string): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: projectKey(name) });
    return result.deletedCount > 0;
  }
}
