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

export const lectureIntrospection = `{
  __schema {
    queryType {
      fields {
        name
        args {
          name
          type {
            name
          }
        }
      }
    }
  }
}`;

export const oldAndNewIsbn = '{ book(id: "1") { title isbn isbn13 } }';

export const deprecations = `{
  __type(name: "Book") {
    fields(includeDeprecated: true) { name isDeprecated deprecationReason }
  }
}`;
