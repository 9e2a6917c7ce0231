package org.buildwithukraine.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For a class whose ordered tests tell one story: once a step fails, the later steps are skipped (reported as
 * such, naming the failed step) instead of failing for a reason that is not theirs.
 */
public class StopAfterFirstFailure implements TestWatcher, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StopAfterFirstFailure.class);

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        classStore(context).put("failed", context.getDisplayName());
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("class");
        }
        String failed = classStore(context).get("failed", String.class);
        return failed == null ? ConditionEvaluationResult.enabled("no earlier step failed")
                : ConditionEvaluationResult.disabled("an earlier step failed: " + failed);
    }

    private static ExtensionContext.Store classStore(ExtensionContext context) {
        return context.getParent().orElseThrow().getStore(NAMESPACE);
    }
}
