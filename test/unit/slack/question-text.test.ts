import { questionText } from '../../../src/slack/listeners/events/questions';

it.each([
  ['<@U123ABC> top service last week', 'top service last week'],
  ['<@U123ABC|penny>   summary', 'summary'],
  ['<@U1> /cost daily 30d', 'daily 30d'],
  ['cost compare last month', 'compare last month'],
  ['costly things', 'costly things'],
  ['<@U1>', ''],
])('%j reads as %j', (text, expected) => {
  expect(questionText(text)).toBe(expected);
});
