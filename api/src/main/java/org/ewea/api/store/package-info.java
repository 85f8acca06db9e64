/**
 * The MongoDB connection: the embedded wire-protocol server by default, or EWEA_MONGODB_URI; blocking driver calls kept off the event loop.
 */
@NullMarked
package org.ewea.api.store;

import org.jspecify.annotations.NullMarked;
