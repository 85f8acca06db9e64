/**
 * Harvesting in the service: the fetcher, harvester and health beans, and the harvest, health and runs endpoints.
 */
@NullMarked
package org.ewea.api.harvest;

import org.jspecify.annotations.NullMarked;
