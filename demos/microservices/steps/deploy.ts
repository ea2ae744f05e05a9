/** Step 11: the Dockerfile, compose file and Kubernetes manifests for these very services. */
import { deployFiles } from '../deploy-files.js';
import type { MicroStep } from '../step.js';
import { services } from '../topology.js';

export const deployStep: MicroStep = {
  id: 'deploy',
  async run({ lesson: t }) {
    const files = deployFiles();
    const compose = files.find((f) => f.path === 'docker-compose.yml')!.content.split('\n');
    const gateway = compose.findIndex((line) => line === '  gateway:');
    const excerpt = compose.slice(
      gateway,
      compose.findIndex((line, i) => i > gateway && /^ {2}\S/.test(line)),
    );
    return {
      facts: [
        t.facts.deployFiles({
          files: files.length,
          services: services.length,
          public: services
            .filter((s) => s.public)
            .map((s) => `${s.name}:${s.port}`)
            .join(', '),
        }),
        t.facts.deployHow,
      ],
      figures: [
        {
          kind: 'table',
          rows: [
            [t.deployTable.file, t.deployTable.bytes],
            ...files.map((f) => [f.path, t.format.int({ value: Buffer.byteLength(f.content) })]),
          ],
          align: ['left', 'right'],
        },
        { kind: 'table', rows: [['docker-compose.yml'], ...excerpt.map((line) => [line])], align: ['left'] },
      ],
    };
  },
};
