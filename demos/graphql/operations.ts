/** The GraphQL documents the demo sends, the lecture's own among them. */
export const booksQuery = '{ books { title author } }';

export const bookWithReviews = `query BookWithReviews($id: ID!) {
  book(id: $id) {
    title
    author
    reviews { rating comment }
  }
}`;

export const addCleanCode = `mutation {
  addBook(title: "Clean Code", author: "Robert C. Martin") {
    id
    title
    author
  }
}`;

export const unknownField = '{ books { title publisher } }';

export const missingBook = '{ book(id: "999") { title author } }';

/**
 * The lecture's introspection query: the query type's fields with their arguments, and
 * for each argument's type what `typeFields` asks for.
 */
function introspection(...typeFields: string[]): string {
  return `{
  __schema {
    queryType {
      fields {
        name
        args {
          name
          type {
${typeFields.map((field) => `            ${field}\n`).join('')}          }
        }
      }
    }
  }
}`;
}

export const lectureIntrospection = introspection('name');

export const oldAndNewIsbn = '{ book(id: "1") { title isbn isbn13 } }';

export const deprecations = `{
  __type(name: "Book") {
    fields(includeDeprecated: true) { name isDeprecated deprecationReason }
  }
}`;

/** Small enough that every resolver of it fits in a table. */
export const bookResolvers = '{ book(id: "1") { title reviews { rating } } }';

/** The N+1 query: one list, and for every book in it its reviews. */
export const booksWithRatings = '{ books { title reviews { rating } } }';

/** The lecture's introspection query, with the wrapper types unwrapped one level: ID! is NON_NULL of ID. */
export const introspectionWithOfType = introspection('name', 'kind', 'ofType { name kind }');

/** A query whose answer a cache may keep: the same for everyone until the books change. */
export const cacheableQuery = '{ books { title } }';
