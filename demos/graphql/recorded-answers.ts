/**
 * What a model answered to the text-to-query prompt, recorded, for runs without
 * --llm-url. The first is a typical hallucination: an `author` argument and a `rating`
 * field on Book that the schema does not have (the ratings are in Book.reviews). The
 * second is the model's answer after it was shown the validation errors.
 */
export const recordedAnswers: readonly string[] = [
  '{ books(author: "Robert C. Martin") { title rating } }',
  '{ books { title author reviews { rating } } }',
];

/** The author the question asks about, to pick the answer's books for the fact line. */
export const askedAuthor = 'Robert C. Martin';
