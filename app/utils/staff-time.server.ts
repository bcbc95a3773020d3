import { STAFF_TIME_ZONE } from "~/domain/staff";
import { formatDateTime } from "~/domain/zoned-time";

// A time as staff pages say it ("1 March 2027 at 09:00", UK time), for a loader. In a .server
// file because a route that imports domain/zoned-time itself sends @date-fns/tz to the browser
// (its date class cannot be tree-shaken away: 2 KB gzip) even when only the loader uses it.

export const staffDateTime = (at: Date) => formatDateTime(at, STAFF_TIME_ZONE);
