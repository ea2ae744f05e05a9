/**
 * The code of the mq demo's first step, to read beside the lecture's: the producer and
 * consumer in Python with pika, character for character as in the course notes
 * ("Beispiel: Nachricht senden und empfangen mit Python"), and the same two programs in
 * TypeScript with amqplib, the calls the step makes. Code is the same in every language.
 * test/end-to-end/mq.broker-cli.test.ts runs the pika programs unchanged against `awt-demo broker`,
 * and test/timed/mq.steps.test.ts runs the TypeScript ones against the test's broker.
 */
export const pikaProducer = `import pika

connection = pika.BlockingConnection(pika.ConnectionParameters('localhost'))
channel = connection.channel()
channel.queue_declare(queue='hello')
channel.basic_publish(exchange="", routing_key='hello', body='Hello World!')
print(" [x] Sent 'Hello World!'")
connection.close()
`;

export const pikaConsumer = `import pika

def callback(ch, method, properties, body):
    print(f" [x] Received {body}")

connection = pika.BlockingConnection(pika.ConnectionParameters('localhost'))
channel = connection.channel()
channel.queue_declare(queue='hello')
channel.basic_consume(queue='hello', on_message_callback=callback, auto_ack=True)
print(' [*] Waiting for messages. To exit press CTRL+C')
channel.start_consuming()
`;

/**
 * pika's queue_declare(queue='hello') makes a transient queue; amqplib's default would be
 * durable. amqplib buffers a publish in the channel: closing the channel first flushes it,
 * where closing only the connection may lose the message (pika's BlockingConnection has sent it already).
 */
export const amqplibProducer = `import amqp from 'amqplib';

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertQueue('hello', { durable: false });
channel.sendToQueue('hello', Buffer.from('Hello World!'));
console.log(" [x] Sent 'Hello World!'");
await channel.close();
await connection.close();
`;

export const amqplibConsumer = `import amqp from 'amqplib';

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertQueue('hello', { durable: false });
await channel.consume('hello', (message) => {
  console.log(\` [x] Received \${message.content}\`);
}, { noAck: true });
console.log(' [*] Waiting for messages. To exit press CTRL+C');
`;
