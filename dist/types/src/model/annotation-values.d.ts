/** Why `value` is not valid for annotation `name`, or undefined (also for annotations without a check). */
export declare function invalidAnnotationValue(name: string, value: string): string | undefined;
