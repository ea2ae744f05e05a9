/** The REST book service on PORT (default 3000). */
import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3000);
createApp().listen(port, () => console.log(`REST book service ready at http://localhost:${port}/`));
