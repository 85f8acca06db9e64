/**
 * The collectors' MongoDB collections (items, recording_imports), through mongodb-driver-sync only.
 */
@NullMarked
package org.ewea.collectors.store;

import org.jspecify.annotations.NullMarked;
