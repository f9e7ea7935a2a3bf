import { MongoRecommendationMarks } from '../../src/store/recommendation-marks';
import { InMemoryRecommendationMarks } from '../fakes/in-memory-recommendation-marks';
import { dropTestDb, openTestDb } from '../support/mongo';
import { recommendationMarksContract } from './recommendation-marks.contract';

recommendationMarksContract('in memory', async () => ({ marks: new InMemoryRecommendationMarks(), cleanup: async () => undefined }));

recommendationMarksContract('MongoDB (real wire server)', async () => {
  const conn = await openTestDb('recmarks');
  return { marks: new MongoRecommendationMarks(conn), cleanup: () => dropTestDb(conn) };
});
