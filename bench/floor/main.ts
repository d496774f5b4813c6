/** The floor bot in its own process, for `npm run bench`: port 0, "READY <url>" on stdout. */
import { createFloorServer } from './floorBot';

const server = createFloorServer();
server.listen(0, '127.0.0.1', () => process.stdout.write(`READY http://127.0.0.1:${server.address().port}\n`));
