package io.jixiao.support.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fiscal year (a calendar year, 2000 to 2100) in a path variable, parameter or request field; refused with 400
 * naming it, with the message of the bound it broke.
 */
@Documented
@Constraint(validatedBy = {})
@Min(2000)
@Max(2100)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FiscalYear {
    String message() default "must be a year from 2000 to 2100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
