/**
 * Early-action playbooks: recommendations per top-level category, stage and audience, each with action type, owner, review period and indicator of done.
 */
@NullMarked
package org.ewea.methodology.playbook;

import org.jspecify.annotations.NullMarked;
