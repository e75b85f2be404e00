import { PGlite } from '@electric-sql/pglite';
let t=Date.now();
const db = new PGlite(); await db.waitReady; console.log('first', Date.now()-t);
t=Date.now(); const db2 = new PGlite(); await db2.waitReady; console.log('second', Date.now()-t);
t=Date.now(); const c = await db.clone?.(); console.log('clone', typeof db.clone, Date.now()-t);
t=Date.now(); const dump = await db.dumpDataDir('none'); console.log('dump', Date.now()-t, dump.size);
t=Date.now(); const db3 = new PGlite({loadDataDir: dump}); await db3.waitReady; console.log('load', Date.now()-t);
