type MessageIds = 'unknownAnnotation' | 'unknownAnnotationNear' | 'misplacedAnnotation' | 'invalidAnnotation' | 'deprecatedAnnotation' | 'alphaAnnotation';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, [{
    alpha: boolean;
}]>;
export default _default;
