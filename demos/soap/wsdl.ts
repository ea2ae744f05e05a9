/**
 * The contract: WSDL 1.1 (https://www.w3.org/TR/2001/NOTE-wsdl-20010315), SOAP 1.1 binding,
 * document/literal "wrapped" as the WS-I Basic Profile 1.1 asks: each operation sends one
 * element named after it and gets one element named <Operation>Response back, both
 * declared in the XSD below. A toolkit in any language generates its client from this.
 */
export const namespace = 'urn:awt-demo:books';
export const servicePath = '/BookService';
export const operations = ['ListBooks', 'GetBook', 'GetBookWithReviews', 'AddBook'] as const;
export type Operation = (typeof operations)[number];

/** The SOAPAction a request names (SOAP 1.1 §6.1.1); one per operation. */
export const soapAction = (operation: Operation): string => `${namespace}/${operation}`;

/** Faults each operation may answer with, besides the standard ones (SOAP 1.1 §4.4.1). */
const faultsOf: Record<Operation, string[]> = {
  ListBooks: [],
  GetBook: ['BookNotFound'],
  GetBookWithReviews: ['BookNotFound'],
  AddBook: ['InvalidBook'],
};

const types = `
  <wsdl:types>
    <xsd:schema targetNamespace="${namespace}" elementFormDefault="qualified">
      <xsd:complexType name="Book">
        <xsd:sequence>
          <xsd:element name="id" type="xsd:string"/>
          <xsd:element name="title" type="xsd:string"/>
          <xsd:element name="author" type="xsd:string"/>
          <xsd:element name="year" type="xsd:int" minOccurs="0"/>
          <xsd:element name="isbn" type="xsd:string" minOccurs="0"/>
          <xsd:element name="createdAt" type="xsd:dateTime"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="Review">
        <xsd:sequence>
          <xsd:element name="id" type="xsd:string"/>
          <xsd:element name="rating" type="xsd:int"/>
          <xsd:element name="comment" type="xsd:string"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="FieldProblem">
        <xsd:sequence>
          <xsd:element name="field" type="xsd:string"/>
          <xsd:element name="code" type="xsd:string"/>
          <xsd:element name="message" type="xsd:string"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:element name="ListBooks">
        <xsd:complexType>
          <xsd:sequence/>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="ListBooksResponse">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="book" type="tns:Book" minOccurs="0" maxOccurs="unbounded"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="GetBook">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="id" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="GetBookResponse">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="book" type="tns:Book"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="GetBookWithReviews">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="id" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="GetBookWithReviewsResponse">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="book" type="tns:Book"/>
            <xsd:element name="review" type="tns:Review" minOccurs="0" maxOccurs="unbounded"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="AddBook">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="title" type="xsd:string"/>
            <xsd:element name="author" type="xsd:string"/>
            <xsd:element name="year" type="xsd:int" minOccurs="0"/>
            <xsd:element name="isbn" type="xsd:string" minOccurs="0"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="AddBookResponse">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="book" type="tns:Book"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="BookNotFound">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="id" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="InvalidBook">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="problem" type="tns:FieldProblem" maxOccurs="unbounded"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
    </xsd:schema>
  </wsdl:types>`;

// Messages are named after their element (a separate symbol space, WSDL 1.1 §2.3), which
// also lets the soap package find an incoming element's types by its name.
const message = (element: string, part = 'parameters') => `
  <wsdl:message name="${element}">
    <wsdl:part name="${part}" element="tns:${element}"/>
  </wsdl:message>`;

const messages = [
  ...operations.flatMap((op) => [message(op), message(`${op}Response`)]),
  message('BookNotFound', 'fault'),
  message('InvalidBook', 'fault'),
].join('');

const portType = `
  <wsdl:portType name="BookServicePortType">${operations
    .map(
      (op) => `
    <wsdl:operation name="${op}">
      <wsdl:input message="tns:${op}"/>
      <wsdl:output message="tns:${op}Response"/>${faultsOf[op]
        .map(
          (fault) => `
      <wsdl:fault name="${fault}" message="tns:${fault}"/>`,
        )
        .join('')}
    </wsdl:operation>`,
    )
    .join('')}
  </wsdl:portType>`;

const binding = `
  <wsdl:binding name="BookServiceSoapBinding" type="tns:BookServicePortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${operations
      .map(
        (op) => `
    <wsdl:operation name="${op}">
      <soap:operation soapAction="${soapAction(op)}" style="document"/>
      <wsdl:input>
        <soap:body use="literal"/>
      </wsdl:input>
      <wsdl:output>
        <soap:body use="literal"/>
      </wsdl:output>${faultsOf[op]
        .map(
          (fault) => `
      <wsdl:fault name="${fault}">
        <soap:fault name="${fault}" use="literal"/>
      </wsdl:fault>`,
        )
        .join('')}
    </wsdl:operation>`,
      )
      .join('')}
  </wsdl:binding>`;

/** The WSDL with `address` (the URL clients send to, port included) in soap:address. */
export function bookServiceWsdl(address: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions name="BookService" targetNamespace="${namespace}"
    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema"
    xmlns:tns="${namespace}">
  <wsdl:documentation>The awt-demo books. Reads are open to all; AddBook needs a WS-Security UsernameToken (OASIS WSS 1.0, PasswordText or PasswordDigest) in the SOAP Header.</wsdl:documentation>${types}${messages}${portType}${binding}
  <wsdl:service name="BookService">
    <wsdl:port name="BookServicePort" binding="tns:BookServiceSoapBinding">
      <soap:address location="${address}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}
