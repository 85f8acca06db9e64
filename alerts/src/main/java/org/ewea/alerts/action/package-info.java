/**
 * Early actions: the playbooks' recommendations planned for each alert and tracked with owner, status and due date.
 */
@NullMarked
package org.ewea.alerts.action;

import org.jspecify.annotations.NullMarked;
